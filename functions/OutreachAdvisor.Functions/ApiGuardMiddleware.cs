using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using OutreachAdvisor.Api;

namespace OutreachAdvisor.Functions;

/// <summary>
/// What <c>outreach serve</c> does with ASP.NET Core middleware, as Functions worker middleware (the worker
/// has no ASP.NET Core pipeline): refuse a Host that <see cref="HostFilter"/> does not allow, and hold every
/// HTTP response to its route's <see cref="ResponseSizeLimit"/>. Queue and timer invocations pass straight through.
/// </summary>
public sealed class ApiGuardMiddleware(HostFilter hosts) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        HttpContext? http = context.GetHttpContext();
        if (http is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (!await hosts.CheckAsync(http).ConfigureAwait(false))
            return;
        await ResponseSizeLimit.RunAsync(http, () => next(context)).ConfigureAwait(false);
    }
}
