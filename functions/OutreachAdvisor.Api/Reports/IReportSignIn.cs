using Microsoft.AspNetCore.Http;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Who is asking for reports. In Azure, the Entra token (<see cref="ReportSignIn"/>); in <c>outreach serve</c>,
/// the server's own sign-in setting (<see cref="LocalReportSignIn"/>: a token when AzureAd is configured,
/// otherwise the one local user). Checked before anything else of the request is read.
/// </summary>
public interface IReportSignIn
{
    /// <exception cref="UnauthorizedException">No valid token where one is needed; the message says why.</exception>
    Task<ReportOwner> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken);
}
