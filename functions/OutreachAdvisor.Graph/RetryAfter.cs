using System.Globalization;

namespace OutreachAdvisor.Graph;

/// <summary>Reads a Retry-After header: delta-seconds, which Graph may send with a fraction (2.128), or an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds))
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>From headers as the SDK exposes them on an ApiException (names compared case-insensitively).</summary>
    public static TimeSpan? From(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers)
    {
        if (headers is null)
            return null;
        foreach ((string? name, IEnumerable<string>? values) in headers)
        {
            if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
                return Parse(values.FirstOrDefault());
        }
        return null;
    }
}
