using System.Globalization;
using System.Text;

namespace OutreachAdvisor.Cli.Output;

/// <summary>
/// Text from a message (subject, body, addresses, file names) made safe to print on a terminal: control
/// characters - escape sequences that could retitle the terminal or rewrite what was printed, C1 codes,
/// DEL - and the bidirectional overrides that reorder what is shown become visible \u escapes.
/// Line breaks and tabs are kept where the caller allows them.
/// </summary>
public static class Terminal
{
    public static string Safe(string text, bool keepLineBreaks = false)
    {
        int first = 0;
        while (first < text.Length && !IsUnsafe(text[first], keepLineBreaks))
            first++;
        if (first == text.Length)
            return text;

        StringBuilder safe = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnsafe(c, keepLineBreaks))
                safe.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                safe.Append(c);
        }
        return safe.ToString();
    }

    private static bool IsUnsafe(char c, bool keepLineBreaks) => c switch
    {
        '\n' => !keepLineBreaks,
        '\t' => false,
        < ' ' => true,                                   // C0, ESC among them
        >= '\u007f' and <= '\u009f' => true,             // DEL and C1 (CSI, OSC...)
        >= '\u202a' and <= '\u202e' => true,             // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,             // bidi isolates
        _ => false,
    };
}
