using System.Text;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Text;
using OutreachAdvisor.Api;
using OutreachAdvisor.FoundAt.Matching;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Fuzz;

/// <summary>
/// The four fuzz targets. Each takes raw bytes and returns normally for every input the code is meant to
/// handle (including the documented refusals); anything else escapes as an exception, which AFL++ records
/// as a crash. The same methods replay the kept crash inputs in CI.
/// </summary>
public static class FuzzHarnesses
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["mime"] = Mime,
        ["html"] = Html,
        ["analyze-request"] = AnalyzeRequest,
        ["found-at"] = FoundAt,
    };

    /// <summary>An .eml as the CLI reads it: a message, or a one-line <see cref="MessageFileException"/>.</summary>
    public static void Mime(byte[] input)
    {
        try
        {
            using var stream = new MemoryStream(input);
            _ = MessageFile.ReadMessageAsync(stream, "fuzz.eml", CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (MessageFileException error) when (!error.Message.Contains('\n', StringComparison.Ordinal))
        {
            // The documented refusal: one line for the user.
        }
    }

    /// <summary>HTML to the plain text that evidence offsets point into: any string converts, deterministically.</summary>
    public static void Html(byte[] input)
    {
        string html = Encoding.UTF8.GetString(input);
        string text = HtmlText.ToPlainText(html);
        if (!string.Equals(text, HtmlText.ToPlainText(html), StringComparison.Ordinal))
            throw new InvalidOperationException("HTML to text is not deterministic");
    }

    /// <summary>The body of POST /api/analyze: a message or a 4xx problem, never an exception.</summary>
    public static void AnalyzeRequest(byte[] input)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(input);
        Check(AnalyzeRequestReader.ReadAsync(context.Request, CancellationToken.None).GetAwaiter().GetResult());
    }

    /// <summary>The reader's contract: a message, or a problem with a 4xx status.</summary>
    public static void Check(AnalyzeRequestReader.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Problem is { Status: < 400 or >= 500 } problem)
            throw new InvalidOperationException($"the reader answered {problem.Status}");
        if (outcome.Problem is null && outcome.Message is null)
            throw new InvalidOperationException("neither a message nor a problem");
    }

    /// <summary>
    /// The found-at page matcher: the first line is the address, the rest the page. An address that is not
    /// searchable is refused with ArgumentException (documented); a match must quote text from the page.
    /// </summary>
    public static void FoundAt(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        string address = newline < 0 ? text : text[..newline];
        string page = newline < 0 ? string.Empty : text[(newline + 1)..];
        if (!AddressListingMatcher.IsSearchableAddress(address))
            return;
        ListingMatch match = AddressListingMatcher.Find(address, page);
        if (match.IsListed && string.IsNullOrEmpty(match.MatchedForm))
            throw new InvalidOperationException("a listing with no matched text");
    }
}
