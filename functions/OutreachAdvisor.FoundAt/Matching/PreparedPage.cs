namespace OutreachAdvisor.FoundAt.Matching;

/// <summary>
/// A page's text with its two searchable views built once (on first use), so that looking for
/// several addresses on one page normalises it once instead of once per address.
/// </summary>
public sealed class PreparedPage(string source)
{
    private PageTextView? _visible;
    private PageTextView? _markup;

    public string Source { get; } = source ?? throw new ArgumentNullException(nameof(source));

    internal PageTextView View(bool stripTags) => stripTags
        ? _visible ??= PageTextView.Build(Source, stripTags: true)
        : _markup ??= PageTextView.Build(Source, stripTags: false);
}
