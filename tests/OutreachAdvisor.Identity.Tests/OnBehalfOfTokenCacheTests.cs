using Azure.Core;

namespace OutreachAdvisor.Identity.Tests;

/// <summary>Issue 15.11: the user's on-behalf-of Graph token is kept for its lifetime, not exchanged per request.</summary>
[TestClass]
public sealed class OnBehalfOfTokenCacheTests
{
    private static readonly TokenRequestContext Graph = new(["https://graph.microsoft.com/.default"]);

    /// <summary>Stands in for the exchange with Entra ID: counts exchanges, answers a token valid for <see cref="Lifetime"/>.</summary>
    private sealed class CountingExchange(FakeClock clock)
    {
        public int Exchanges;
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
        public TimeSpan Delay { get; set; }
        public bool Fail { get; set; }

        public TokenCredential For(string userToken) => new Credential(this, userToken);

        private sealed class Credential(CountingExchange owner, string userToken) : TokenCredential
        {
            public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

            public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            {
                int n = Interlocked.Increment(ref owner.Exchanges);
                if (owner.Delay > TimeSpan.Zero)
                    await Task.Delay(owner.Delay, cancellationToken);
                if (owner.Fail)
                    throw new InvalidOperationException("AADSTS65001: consent required");
                return new AccessToken($"graph-{n}-for-{userToken}", owner.Clock.GetUtcNow() + owner.Lifetime);
            }
        }

        public FakeClock Clock { get; } = clock;
    }

    public sealed class FakeClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [TestMethod]
    public async Task The_same_user_token_is_exchanged_once_across_requests()
    {
        var clock = new FakeClock();
        var exchange = new CountingExchange(clock);
        var cache = new OnBehalfOfTokenCache(exchange.For, clock);

        AccessToken first = await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(30);
        // A later request makes a new credential for the same user token, as ConfiguredAnalysisSources does.
        AccessToken second = await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);

        Assert.AreEqual(1, exchange.Exchanges);
        Assert.AreEqual(first.Token, second.Token);
    }

    [TestMethod]
    public async Task Another_user_token_gets_its_own_exchange()
    {
        var clock = new FakeClock();
        var exchange = new CountingExchange(clock);
        var cache = new OnBehalfOfTokenCache(exchange.For, clock);

        AccessToken a = await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);
        AccessToken b = await cache.ForUser("user-token-B").GetTokenAsync(Graph, CancellationToken.None);

        Assert.AreEqual(2, exchange.Exchanges);
        StringAssert.EndsWith(a.Token, "user-token-A");
        StringAssert.EndsWith(b.Token, "user-token-B", "never another user's Graph token");
    }

    [TestMethod]
    public async Task A_token_near_its_end_is_exchanged_again()
    {
        var clock = new FakeClock();
        var exchange = new CountingExchange(clock);
        var cache = new OnBehalfOfTokenCache(exchange.For, clock);

        await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(56); // 4 minutes left: inside the refresh margin
        AccessToken renewed = await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);

        Assert.AreEqual(2, exchange.Exchanges);
        Assert.IsGreaterThan(clock.Now + TimeSpan.FromMinutes(30), renewed.ExpiresOn);
    }

    [TestMethod]
    public async Task Concurrent_first_calls_share_one_exchange()
    {
        var clock = new FakeClock();
        var exchange = new CountingExchange(clock) { Delay = TimeSpan.FromMilliseconds(50) };
        var cache = new OnBehalfOfTokenCache(exchange.For, clock);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None).AsTask()));

        Assert.AreEqual(1, exchange.Exchanges);
    }

    [TestMethod]
    public async Task A_failed_exchange_is_not_remembered()
    {
        var clock = new FakeClock();
        var exchange = new CountingExchange(clock) { Fail = true };
        var cache = new OnBehalfOfTokenCache(exchange.For, clock);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None).AsTask());
        exchange.Fail = false;
        AccessToken token = await cache.ForUser("user-token-A").GetTokenAsync(Graph, CancellationToken.None);

        Assert.AreEqual(2, exchange.Exchanges);
        Assert.AreEqual(1, cache.Count);
        StringAssert.StartsWith(token.Token, "graph-2-");
    }
}
