using System.Text;

namespace OutreachAdvisor.Tests.Common;

/// <summary>
/// The adversarial body of issue 15's bounds: every pattern a rule quotes - merge fields, blank and
/// impersonal greetings, addresses, links, asks, a home address, an outlet pitch - repeated to a length.
/// The API's response-cap test, the analysis bounds test and the cost benchmark read the same text.
/// </summary>
public static class AdversarialText
{
    private static readonly string[] Pieces =
    [
        "Dear {{first_name}}, ", "Hi [Name], ", "Caro ___, ", "Dear Sir or Madam, ", "To whom it may concern, ",
        "{{company}} ", "%%LAST_NAME%% ", "write to jane.doe@shape.example ", "https://my.example/portfolio ",
        "https://linkedin.example/in/me ", "let's connect on LinkedIn: https://linkedin.example/in/me ",
        "Could you review my CV? ", "Can we have a call? ", "my home address is 12 Long Road ", "perfect for Self magazine\n",
    ];

    /// <summary>The pieces, repeated until the text is at least <paramref name="length"/> characters long.</summary>
    public static StringBuilder Body(int length)
    {
        var body = new StringBuilder(length + 100);
        for (int i = 0; body.Length < length; i++)
            body.Append(Pieces[i % Pieces.Length]);
        return body;
    }
}
