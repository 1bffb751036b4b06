namespace OutreachAdvisor.Api;

/// <summary>What <c>GET /api/health</c> returns: liveness and the providers in use.</summary>
public sealed record HealthReport(string Status, string Version, string Mailbox, string Language, IReadOnlyList<string> Rules);
