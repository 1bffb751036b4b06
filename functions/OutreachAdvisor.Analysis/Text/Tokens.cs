namespace OutreachAdvisor.Analysis.Text;

/// <summary>Walks the words of a text without allocating: letters and digits, with inner apostrophes kept.</summary>
public ref struct WordEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public WordEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
        CurrentStart = 0;
    }

    public ReadOnlySpan<char> Current { get; private set; }
    public int CurrentStart { get; private set; }

    public readonly WordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            i++;
        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        int start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            i++;
        CurrentStart = start;
        Current = text[start..i];
        _position = i;
        return true;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’';
}
