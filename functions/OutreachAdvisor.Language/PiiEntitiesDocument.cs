using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>PII entities of one document; offsets are UTF-16 positions in that document's text.</summary>
public sealed record PiiEntitiesDocument(string Id, string? RedactedText, IReadOnlyList<TextEntity> Entities);
