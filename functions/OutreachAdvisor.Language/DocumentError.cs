
namespace OutreachAdvisor.Language;

/// <summary>A document the service could not analyse (the <c>errors</c> array of a 200 response).</summary>
public sealed record DocumentError(string DocumentId, string Code, string Message, string? InnerErrorCode);
