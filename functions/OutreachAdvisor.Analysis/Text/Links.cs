using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>Web links in plain text.</summary>
public static partial class Links
{
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""')\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}
