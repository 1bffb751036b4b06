
namespace OutreachAdvisor.Language;

public sealed record KeyPhrasesDocument(string Id, IReadOnlyList<string> KeyPhrases);
