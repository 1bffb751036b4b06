using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>An in-memory mailbox for the engine: messages are added in a readable order and streamed in any order.</summary>
internal sealed class TestMailbox : IReportMailSource
{
    public const string Me = "ann@lee.example";

    /// <summary>An ask with nothing offered and no reference to the recipient's work: several rules fire.</summary>
    public const string AskingBody = "Hi {0},\n\nCould you spare fifteen minutes for a call next week? I need advice on my portfolio and would love an introduction to your editor.\n\nAnn";

    /// <summary>Asks for nothing: a thank-you that names a specific piece of the recipient's work.</summary>
    public const string ThankingBody = "Dear {0},\n\nI read your article on calm colour palettes last week and the part about rest states stayed with me. Thank you for writing it.\n\nBest,\nAnn";

    private readonly List<ReportMail> _messages = [];
    private int _counter;

    public string Name => "test";

    public IReadOnlyList<ReportMail> Messages => _messages;

    public static DateTimeOffset Day(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>A message from the owner; returns its id (which is also its conversation unless one is given).</summary>
    public string Send(string to, DateTimeOffset date, string body, string subject = "Hello", string? conversation = null, string? toName = null, string? cc = null)
    {
        string id = $"m{++_counter}@test";
        _messages.Add(new ReportMail
        {
            Id = id,
            ConversationId = conversation ?? id,
            From = new EmailAddress("Ann Lee", Me),
            To = [new EmailAddress(toName ?? NameOf(to), to)],
            Cc = cc is null ? [] : [new EmailAddress(null, cc)],
            Subject = subject,
            Date = date,
            Body = string.Format(System.Globalization.CultureInfo.InvariantCulture, body, toName ?? NameOf(to)),
        });
        return id;
    }

    /// <summary>A message to the owner; returns its id.</summary>
    public string Receive(string from, DateTimeOffset date, string? conversation = null, string subject = "Re: Hello")
    {
        string id = $"m{++_counter}@test";
        _messages.Add(new ReportMail
        {
            Id = id,
            ConversationId = conversation ?? id,
            From = new EmailAddress(null, from),
            To = [new EmailAddress("Ann Lee", Me)],
            Subject = subject,
            Date = date,
        });
        return id;
    }

    public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Newest first, the opposite of the order they were added: the engine must not depend on order.
        foreach (ReportMail? message in _messages.AsEnumerable().Reverse())
        {
            if (message.Date >= since)
                yield return message;
        }

        await Task.CompletedTask;
    }

    public Task<OutreachReport> ReportAsync(Func<ReportOptions, ReportOptions>? configure = null)
    {
        var options = new ReportOptions { Me = Me, WeakestCount = 1000, Clock = new FixedClock() };
        return new ReportEngine(configure?.Invoke(options) ?? options).RunAsync(this);
    }

    private static string NameOf(string address)
    {
        string local = address.Split('@')[0].Split('.')[0];
        return char.ToUpperInvariant(local[0]) + local[1..];
    }

    internal sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
