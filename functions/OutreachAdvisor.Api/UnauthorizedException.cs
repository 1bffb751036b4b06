
namespace OutreachAdvisor.Api;

/// <summary>The request has no valid token; the message says why (it goes into the 401 problem body).</summary>
public sealed class UnauthorizedException(string message) : Exception(message);
