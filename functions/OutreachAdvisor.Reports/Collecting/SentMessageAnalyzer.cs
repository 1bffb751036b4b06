using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Analyses one sent message as it streams in and keeps only its score, fired rules, language, text
/// metrics and template sketch; the body is dropped when this returns.
/// </summary>
/// <remarks>
/// The message is analysed before the engine has seen the whole mailbox (the source is read once,
/// in any order), so the context assumes what is true of every message the report keeps: an
/// outreach message goes to someone with no earlier two-way contact. Recipients in the owner's
/// organisation are marked as such, as the live analysis does.
/// </remarks>
internal sealed class SentMessageAnalyzer(string sourceName, string uiLanguage, TemplateSketcher sketcher)
{
    public const int MaxSubjectLength = 200;

    public AnalysedMessage Analyse(ReportMail mail, SketchStore sketches, int slot)
    {
        var message = new MessageInput
        {
            From = mail.From,
            To = mail.To,
            Cc = mail.Cc,
            Bcc = mail.Bcc,
            Subject = mail.Subject,
            Body = mail.Body ?? string.Empty,
            BodyFormat = mail.BodyFormat,
            UnreadableRecipientHeaders = mail.UnreadableRecipientHeaders,
            PartlyReadableRecipientHeaders = mail.PartlyReadableRecipientHeaders,
        };
        Organization organization = OrganizationOf(mail.From.Address);
        IEnumerable<RecipientFacts> facts = message.AllRecipients.Select(r => new RecipientFacts { Recipient = r, History = RecipientHistory.None });
        var context = new AnalysisContext(facts, organization, sourceName, mailboxUnavailableReason: null);
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message, context, uiLanguage);

        uint fired = 0, skipped = 0;
        foreach (Finding finding in result.Findings)
        {
            if (finding.Severity >= Severity.Warning)
                fired |= RuleBits.Bit(finding.Rule);
        }

        foreach (RuleCheck check in result.Checks)
        {
            if (check.Status == CheckStatus.Skipped)
                skipped |= RuleBits.Bit(check.Rule);
        }

        string plain = result.PlainText;
        string language = string.IsInterned(result.Language) ?? result.Language;
        sketches.SetSize(slot, sketcher.Sketch(TemplateText.Words(plain, NamesOf(mail)), sketches.Values(slot)));
        DateTimeOffset local = mail.Date;
        return new AnalysedMessage
        {
            Subject = mail.Subject.Length > MaxSubjectLength ? mail.Subject[..MaxSubjectLength] : mail.Subject,
            Score = result.Score,
            Fired = fired,
            Skipped = skipped & ~fired,
            Language = language,
            Metrics = CompactMetrics.From(result.Metrics),
            LocalHour = (byte)local.Hour,
            LocalWeekday = local.DayOfWeek,
        };
    }

    /// <summary>The owner's own domain unless it is a public webmail one (where it says nothing about colleagues).</summary>
    internal static Organization OrganizationOf(string ownerAddress) => Organization.OfSender(new EmailAddress(null, Addresses.Normalize(ownerAddress)));

    /// <summary>The recipients' names, address local parts and the first label of their domains (the company): masked so a mail merge reads as one text.</summary>
    internal static IEnumerable<string> NamesOf(ReportMail mail) =>
        mail.To.Concat(mail.Cc).Concat(mail.Bcc).SelectMany(r => new[] { r.Name ?? string.Empty, r.LocalPart, r.Domain.Split('.')[0] });
}
