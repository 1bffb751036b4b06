using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>Stands in for the on-behalf-of credential: adds a fixed bearer token to every request.</summary>
public sealed class FakeTokenProvider : IAuthenticationProvider
{
    public const string Token = "fake-token-for-tests";

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAdd("Authorization", "Bearer " + Token);
        return Task.CompletedTask;
    }
}
