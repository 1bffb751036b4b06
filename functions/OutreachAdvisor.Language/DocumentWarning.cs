
namespace OutreachAdvisor.Language;

/// <summary>A warning the service attached to one document (e.g. <c>LongWordsInDocument</c>).</summary>
public sealed record DocumentWarning(string DocumentId, string Code, string Message);
