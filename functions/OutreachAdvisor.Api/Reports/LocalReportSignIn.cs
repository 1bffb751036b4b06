using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Sign-in for local reports: exactly what the server asks of <c>/api/analyze</c>. With AzureAd settings the
/// request's token is validated (401 otherwise) and the report belongs to its <c>tid</c>/<c>oid</c>; without,
/// there is one local user, <see cref="LocalOwner"/>. The request's mailbox is the one reports are made from.
/// </summary>
public sealed class LocalReportSignIn(IAnalysisSources sources, LocalReportMailSources mail) : IReportSignIn
{
    /// <summary>The one user of a server without sign-in (no Entra token ever names the empty GUIDs).</summary>
    public static ReportOwner LocalOwner { get; } = new(Guid.Empty, Guid.Empty);

    public async Task<ReportOwner> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ContextSources found = await sources.ForRequestAsync(context, cancellationToken).ConfigureAwait(false);
        if (found.Mailbox is LocalMailbox local)
            mail.Use(local);
        return ReportSignIn.OwnerOf(context.User) ?? LocalOwner;
    }
}
