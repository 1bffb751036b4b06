using System.Collections.Frozen;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Analysis.Messages;

/// <summary>
/// The one place words are chosen: renders a message id and its values in English or Italian, from
/// the rules' rule.json files and Messages/shared.json. Rules, the context stage and the fetcher report
/// ids with values; nothing else writes sentences for a user.
/// </summary>
public static class Localizer
{
    private static readonly FrozenDictionary<string, LocalizedText> Sentences = RuleCatalog.Descriptions
        .SelectMany(d => d.Checks)
        .Concat(SharedMessages.All)
        .ToFrozenDictionary();

    private static readonly FrozenDictionary<string, (FindingText En, FindingText It)> FindingTexts = RuleCatalog.Descriptions
        .SelectMany(d => d.Findings)
        .ToFrozenDictionary();

    /// <summary>Every message id a sentence can be rendered from (check details and reasons).</summary>
    public static IEnumerable<string> SentenceIds => Sentences.Keys;

    public static string Render(Reason reason, string language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        LocalizedText text = Sentences.TryGetValue(reason.Id, out LocalizedText? found) ? found : throw new KeyNotFoundException($"Unknown message id {reason.Id}");
        return MessageTemplate.Render(text.In(language), reason.Values, language);
    }

    /// <summary>A finding's title, message, suggestion and fix label, rendered with its values; <paramref name="places"/> above one picks the message for several places.</summary>
    public static FindingText RenderFinding(string messageId, IReadOnlyDictionary<string, object> args, string language, int places = 1)
    {
        (FindingText en, FindingText it) = FindingTexts.TryGetValue(messageId, out (FindingText En, FindingText It) texts) ? texts : throw new KeyNotFoundException($"Unknown finding message id {messageId}");
        FindingText text = language == "it" ? it : en;
        string message = places > 1 && text.MessageMany is { } many ? many : text.Message;
        return new FindingText(
            MessageTemplate.Render(text.Title, args, language),
            MessageTemplate.Render(message, args, language),
            MessageTemplate.Render(text.Suggestion, args, language),
            text.Fix is null ? null : MessageTemplate.Render(text.Fix, args, language));
    }

    /// <summary>The values of a finding as text, for the JSON's <c>data</c>.</summary>
    public static IReadOnlyDictionary<string, string> RenderValues(IReadOnlyDictionary<string, object> args, string language) =>
        args.ToDictionary(a => a.Key, a => MessageTemplate.Format(a.Value, language), StringComparer.Ordinal);
}
