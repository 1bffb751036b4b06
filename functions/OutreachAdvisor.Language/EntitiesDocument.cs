using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>Entities of one document; offsets are UTF-16 positions in that document's text.</summary>
public sealed record EntitiesDocument(string Id, IReadOnlyList<TextEntity> Entities);
