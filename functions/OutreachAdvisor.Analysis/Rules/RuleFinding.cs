using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// What a rule reports before it is put into words: the message id, the severity, the values the
/// message is rendered with, the evidence in the plain text, the recipients it concerns and a fix.
/// </summary>
public sealed record RuleFinding(string MessageId, Severity Severity)
{
    public IReadOnlyDictionary<string, object> Args { get; init; } = Messages.Reason.NoArgs;
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    /// <summary>Addresses of the recipients the finding is about; empty when it is about the whole message.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public RuleFix? Fix { get; init; }
}
