using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Api;

/// <summary>Sources fixed for the life of the process: what `outreach serve` uses by default.</summary>
public sealed class FixedAnalysisSources(ContextSources sources) : IAnalysisSources
{
    public string MailboxName => sources.Mailbox?.Name ?? "none";

    public string LanguageName => sources.Language?.Name ?? "built-in";

    public ValueTask<ContextSources> ForRequestAsync(HttpContext context, CancellationToken cancellationToken) => ValueTask.FromResult(sources);
}
