namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// A site's robots.txt as RFC 9309 reads it: the groups for our product token (or, when there are
/// none, for <c>*</c>), Allow/Disallow rules with <c>*</c> and <c>$</c>, the longest match winning
/// (Allow on a tie), and the Sitemap lines. Unknown lines are ignored; an empty file allows everything.
/// </summary>
internal sealed class RobotsRules
{
    private const int MaxRules = 2000;

    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, List<string> sitemaps)
    {
        _rules = rules;
        Sitemaps = sitemaps;
    }

    /// <summary>No robots.txt (a 4xx answer, or not text): everything may be read.</summary>
    public static RobotsRules AllowAll { get; } = new([], []);

    /// <summary>robots.txt could not be fetched because the server failed (5xx): RFC 9309 says assume nothing may be read.</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], []);

    /// <summary>The absolute URLs of the Sitemap lines, in order.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ours = new List<(string, bool)>();
        var anyone = new List<(string, bool)>();
        var sitemaps = new List<string>();
        bool namedUs = false;
        bool groupIsOurs = false;
        bool groupIsAnyone = false;
        bool inAgents = false; // consecutive user-agent lines form one group's heading
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine;
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
                line = line[..comment];
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            string key = line[..colon].Trim().ToLowerInvariant();
            string value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!inAgents)
                    {
                        groupIsOurs = false;
                        groupIsAnyone = false;
                    }
                    inAgents = true;
                    groupIsOurs |= value.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                    namedUs |= groupIsOurs;
                    groupIsAnyone |= value == "*";
                    break;
                case "allow" or "disallow":
                    inAgents = false;
                    if (value.Length == 0)
                        break; // "Disallow:" with nothing disallows nothing
                    (string, bool) rule = (value, key == "allow");
                    if (groupIsOurs && ours.Count < MaxRules)
                        ours.Add(rule);
                    if (groupIsAnyone && anyone.Count < MaxRules)
                        anyone.Add(rule);
                    break;
                case "sitemap":
                    if (sitemaps.Count < 10 && Uri.TryCreate(value, UriKind.Absolute, out _))
                        sitemaps.Add(value);
                    break;
                default:
                    inAgents = false;
                    break;
            }
        }

        // A group naming us replaces the * group entirely, even when it has no rules.
        return new RobotsRules(namedUs ? ours : anyone, sitemaps);
    }

    /// <summary>Whether <paramref name="url"/>'s path and query may be fetched.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
            return true;
        int bestLength = -1;
        bool allowed = true;
        foreach ((string pattern, bool allow) in _rules)
        {
            if (pattern.Length < bestLength || !Matches(pattern, path))
                continue;
            if (pattern.Length > bestLength || allow)
            {
                allowed = allow;
                bestLength = pattern.Length;
            }
        }
        return allowed;
    }

    /// <summary>Whether robots.txt forbids the whole site (the home page included).</summary>
    public bool DisallowsEverything(Uri root) => !Allows(root);

    /// <summary>A robots.txt path pattern: a prefix match where <c>*</c> stands for any run of characters and a final <c>$</c> anchors the end.</summary>
    internal static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        string body = anchored ? pattern[..^1] : pattern;
        string[] pieces = body.Split('*');
        int position = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            string piece = pieces[i];
            if (i == 0)
            {
                if (!path.AsSpan(position).StartsWith(piece, StringComparison.Ordinal))
                    return false;
                position += piece.Length;
                continue;
            }

            bool last = i == pieces.Length - 1;
            if (last && anchored)
                return path.Length - position >= piece.Length && path.EndsWith(piece, StringComparison.Ordinal);
            int found = path.IndexOf(piece, position, StringComparison.Ordinal);
            if (found < 0)
                return false;
            position = found + piece.Length;
        }

        return !anchored || position == path.Length;
    }
}
