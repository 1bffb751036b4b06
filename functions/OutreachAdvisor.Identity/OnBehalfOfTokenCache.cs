using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;

namespace OutreachAdvisor.Identity;

/// <summary>
/// Keeps the Graph token that the on-behalf-of exchange gave for a user's access token, for that token's
/// lifetime (less <see cref="RefreshMargin"/>): without it every request paid one exchange with Entra ID
/// (issue 15.11). Keyed by a SHA-256 of the user's token and the scopes, so the same user token always gets
/// its own Graph token and nothing of the token itself is a key. Concurrent first calls share one exchange.
/// At most <see cref="MaxEntries"/> tokens are kept; expired ones are dropped first.
/// </summary>
public sealed class OnBehalfOfTokenCache
{
    /// <summary>Azure.Core refreshes five minutes before expiry too: a token closer to its end is not handed out.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    public const int MaxEntries = 10_000;

    private readonly Func<string, TokenCredential> _exchange;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<AccessToken>>> _tokens = new(StringComparer.Ordinal);

    /// <param name="exchange">Makes the credential that performs the exchange for one user token (<see cref="OnBehalfOfCredentialFactory.ForUser"/>).</param>
    public OnBehalfOfTokenCache(Func<string, TokenCredential> exchange, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        _exchange = exchange;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many Graph tokens are kept now.</summary>
    public int Count => _tokens.Count;

    /// <summary>A credential for this user's token that asks the cache before exchanging.</summary>
    public TokenCredential ForUser(string userAccessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        return new CachedCredential(this, userAccessToken);
    }

    private async ValueTask<AccessToken> GetAsync(string userToken, TokenRequestContext request, CancellationToken cancellationToken)
    {
        string key = Key(userToken, request.Scopes);
        for (int attempt = 0; ; attempt++)
        {
            Lazy<Task<AccessToken>> entry = _tokens.GetOrAdd(key, _ => new Lazy<Task<AccessToken>>(() => ExchangeAsync(userToken, request)));
            AccessToken token;
            try
            {
                token = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed exchange is not remembered: the next call tries again.
                _tokens.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
            if (token.ExpiresOn - RefreshMargin > _time.GetUtcNow() || attempt > 0)
                return token;
            _tokens.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private async Task<AccessToken> ExchangeAsync(string userToken, TokenRequestContext request)
    {
        Trim();
        // Not the caller's token: a shared exchange must not fail because the first caller gave up.
        return await _exchange(userToken).GetTokenAsync(request, CancellationToken.None).ConfigureAwait(false);
    }

    private void Trim()
    {
        if (_tokens.Count < MaxEntries)
            return;
        DateTimeOffset now = _time.GetUtcNow();
        foreach ((string key, Lazy<Task<AccessToken>> entry) in _tokens)
        {
            bool expired = entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.ExpiresOn - RefreshMargin <= now;
            if (expired)
                _tokens.TryRemove(key, out _);
        }
        if (_tokens.Count >= MaxEntries)
            _tokens.Clear(); // All still valid: start over rather than grow (each user pays one more exchange).
    }

    private static string Key(string userToken, string[] scopes) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userToken))) + "|" + string.Join(' ', scopes.Order(StringComparer.Ordinal));

    private sealed class CachedCredential(OnBehalfOfTokenCache cache, string userToken) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            cache.GetAsync(userToken, requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            cache.GetAsync(userToken, requestContext, cancellationToken);
    }
}
