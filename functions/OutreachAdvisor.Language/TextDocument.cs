
namespace OutreachAdvisor.Language;

/// <summary>One input document. <paramref name="Language"/> is ignored by language detection.</summary>
public sealed record TextDocument(string Id, string Text, string? Language = null);
