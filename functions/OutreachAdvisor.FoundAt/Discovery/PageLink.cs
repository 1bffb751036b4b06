namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>A link found on a page or in a sitemap: where it points and the words a reader clicks (empty for a sitemap entry).</summary>
internal sealed record PageLink(Uri Url, string Text);
