using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>One example for a rule, like an entry of ESLint's valid/invalid lists.</summary>
/// <param name="Language">"en" or "it": the language the example is written in.</param>
/// <param name="Name">What the example shows, for the test name.</param>
public sealed record RuleCase(string Language, string Name, MessageInput Message, AnalysisContext? Context = null)
{
    /// <summary>For a must-fire case: every warning or error it must report, by message key and quoted evidence (ESLint's errors list).</summary>
    public IReadOnlyList<ExpectedFinding> Expected { get; init; } = [];

    /// <summary>Adds a finding the case must report: the rule's message key and the evidence it quotes, in order.</summary>
    public RuleCase Expect(string messageKey, params string[] evidence) => this with { Expected = [.. Expected, new ExpectedFinding(messageKey, evidence)] };

    public override string ToString() => $"{Language}: {Name}";

    public object[] AsRow() => [this];
}

/// <summary>A finding a must-fire case reports: its message key within the rule and the texts its evidence quotes.</summary>
public sealed record ExpectedFinding(string MessageKey, IReadOnlyList<string> Evidence)
{
    public override string ToString() => $"{MessageKey} [{string.Join(" | ", Evidence)}]";
}

/// <summary>Builds messages and mailbox contexts for rule tests.</summary>
public static class Build
{
    public static readonly EmailAddress Ann = new("Ann Lee", "ann@lee.example");
    public static readonly EmailAddress Jane = new("Jane Doe", "jane@shape.example");
    public static readonly EmailAddress Marco = new("Marco Rossi", "marco.rossi@studio-rossi.example");
    public static readonly EmailAddress Giulia = new("Giulia Bianchi", "giulia.bianchi@agenzia-bianchi.example");
    public static readonly EmailAddress Priya = new("Priya Shah", "priya.shah@lee.example");

    public static MessageInput Message(string body, string subject = "Hello", EmailAddress[]? to = null, EmailAddress[]? cc = null, EmailAddress[]? bcc = null,
        EmailAddress? from = null, BodyFormat format = BodyFormat.Text, Dictionary<string, string>? foundAt = null, Dictionary<string, string>? priorContact = null) => new()
        {
            From = from ?? Ann,
            To = to ?? [Jane],
            Cc = cc ?? [],
            Bcc = bcc ?? [],
            Subject = subject,
            Body = body,
            BodyFormat = format,
            FoundAt = foundAt,
            PriorContact = priorContact,
        };

    /// <summary>A context as if a mailbox had been read, with the given history per recipient (none when absent).</summary>
    public static AnalysisContext Mailbox(MessageInput message, Dictionary<string, RecipientHistory>? histories = null, string[]? contacts = null,
        Dictionary<string, FoundAtVerdict>? foundAt = null, string[]? organization = null)
    {
        string[] org = organization ?? [message.From!.Domain];
        return new AnalysisContext(
            message.AllRecipients.Select(r => new RecipientFacts
            {
                Recipient = r,
                History = histories?.GetValueOrDefault(r.Address) ?? RecipientHistory.None,
                IsContact = contacts?.Contains(r.Address) ?? false,
                FoundAtSource = message.FoundAt?.GetValueOrDefault(r.Address),
                FoundAt = foundAt?.GetValueOrDefault(r.Address),
            }),
            new Organization(org), "test-mailbox", null);
    }

    /// <summary>A context without a mailbox but with what a language service found.</summary>
    public static AnalysisContext WithSignals(MessageInput message, LanguageSignals? signals, Reason? unavailableReason = null) =>
        new(message.AllRecipients.Select(r => new RecipientFacts { Recipient = r }), new Organization([message.From!.Domain]), mailboxName: null, mailboxUnavailableReason: null)
        {
            LanguageService = "azure-ai-language",
            LanguageSignals = signals,
            LanguageUnavailableReason = unavailableReason,
        };

    /// <summary>Signals with entities and personal data found at the given words of <paramref name="body"/>.</summary>
    public static LanguageSignals Signals(string body, (string Text, string Category)[]? entities = null, (string Text, string Category)[]? pii = null)
    {
        TextEntity At((string Text, string Category) e) => new(e.Text, e.Category, null, body.IndexOf(e.Text, StringComparison.Ordinal), e.Text.Length, 0.95);
        return new LanguageSignals("en", 1.0, (entities ?? []).Select(At).ToArray(), [], (pii ?? []).Select(At).ToArray());
    }

    public static readonly RecipientHistory TwoWay = new(SentTo: 2, ReceivedFrom: 1, TwoWayThreads: 1);
    public static readonly RecipientHistory SentOnly = new(SentTo: 3, ReceivedFrom: 0, TwoWayThreads: 0);
}
