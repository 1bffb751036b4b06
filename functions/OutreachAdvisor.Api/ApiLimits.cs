namespace OutreachAdvisor.Api;

/// <summary>The explicit limits of the HTTP API (documented in the README).</summary>
public static class ApiLimits
{
    /// <summary>Largest request body accepted; larger gets 413.</summary>
    public const int MaxRequestBytes = 1_048_576;

    /// <summary>Most recipients (To + Cc + Bcc) in one analysis; more gets 400.</summary>
    public const int MaxRecipients = 500;

    /// <summary>Longest e-mail address accepted (RFC 5321 path limit).</summary>
    public const int MaxAddressLength = 320;
}
