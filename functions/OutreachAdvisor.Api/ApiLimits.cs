namespace OutreachAdvisor.Api;

/// <summary>The explicit limits of the HTTP API (documented in the README and docs/operations.md).</summary>
public static class ApiLimits
{
    /// <summary>Largest request body accepted, counted in decoded body bytes (chunk framing is not counted); larger gets 413.</summary>
    public const int MaxRequestBytes = 1_048_576;

    /// <summary>
    /// What the server itself (Kestrel under <c>outreach serve</c>) lets through before the handler counts:
    /// above <see cref="MaxRequestBytes"/>, so the handler, not the server, answers an oversized body with problem+json.
    /// </summary>
    public const int ServerRequestBytes = 4 * MaxRequestBytes;

    /// <summary>Most recipients (To + Cc + Bcc) in one analysis; more gets 400.</summary>
    public const int MaxRecipients = 500;

    /// <summary>Longest e-mail address accepted (RFC 5321 path limit).</summary>
    public const int MaxAddressLength = 320;

    /// <summary>Largest <c>POST /api/analyze</c> response: whatever the body holds, the answer fits in this.</summary>
    public const int MaxAnalyzeResponseBytes = 256 * 1024;

    /// <summary>Most findings listed in one result (the most severe first; the rest are counted in <c>truncated</c>).</summary>
    public const int MaxFindings = 50;

    /// <summary>Most evidence spans listed per finding (the contract's "at most 20").</summary>
    public const int MaxEvidencePerFinding = 20;

    /// <summary>Longest evidence span quoted; a longer one is shortened to its start (offsets still match the text).</summary>
    public const int MaxEvidenceChars = 200;

    /// <summary>Most recipients listed per finding.</summary>
    public const int MaxRecipientsPerFinding = 20;

    /// <summary>Longest title, message, suggestion or check detail.</summary>
    public const int MaxMessageChars = 1000;

    /// <summary>Longest value in a finding's <c>data</c>.</summary>
    public const int MaxValueChars = 200;
}
