
namespace OutreachAdvisor.Language;

/// <summary>A piece of the analysed text; <see cref="Start"/> is its UTF-16 offset in the whole text.</summary>
public sealed record TextChunk(int Start, string Text);
