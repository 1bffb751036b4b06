using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Api;

/// <summary>
/// Where an analysis gets its context for one request: the local mailbox folder and built-in analyzer
/// for `outreach serve`, or the signed-in user's Graph mailbox and Azure AI Language when deployed.
/// </summary>
public interface IAnalysisSources
{
    /// <summary>The mailbox provider in use ("local-files", "graph" or "none"), for the health route.</summary>
    string MailboxName { get; }

    /// <summary>The language provider in use ("built-in" or "azure-ai-language").</summary>
    string LanguageName { get; }

    /// <summary>The sources for this request. Throws <see cref="UnauthorizedException"/> when the caller must sign in.</summary>
    ValueTask<ContextSources> ForRequestAsync(HttpContext context, CancellationToken cancellationToken);
}
