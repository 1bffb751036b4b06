using System.Text;
using OutreachAdvisor.Reports.Aggregating;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Output;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no external font or image)
/// that reads on a phone and prints cleanly. Every value from mail is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    public static string Render(OutreachReport report, string uiLanguage = "en")
    {
        ArgumentNullException.ThrowIfNull(report);
        var texts = ReportTexts.For(Analysis.UiLanguages.Normalize(uiLanguage));
        var page = new StringBuilder(32_000);
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode($"{texts.Title} - {report.Me}")).Append("</title>\n<style>").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        Header(page, report, texts);
        Summary(page, report, texts);
        if (report.OutreachMessages > 0)
        {
            Weeks(page, report, texts);
            Bands(page, report, texts);
            Rules(page, report, texts);
        }

        Templates(page, report, texts);
        FollowUps(page, report, texts);
        if (report.OutreachMessages > 0)
        {
            Features(page, report, texts);
            Weakest(page, report, texts);
        }

        How(page, report, texts);
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void Header(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        page.Append("<header>\n<h1>").Append(Html.Encode(texts.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append("<strong>").Append(Html.Encode(report.Me)).Append("</strong> · ")
            .Append(Html.Encode($"{texts.Period}: {texts.Day(report.From)} – {texts.Day(report.To)}")).Append(" · ")
            .Append(Html.Encode(texts.Generated(report.GeneratedAt))).Append("</p>\n</header>\n");
    }

    private static void Summary(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        page.Append("<section class=\"cards\">\n");
        Card(page, texts.Sent, texts.Number(report.SentMessages), null, null);
        Card(page, texts.Outreach, texts.Number(report.OutreachMessages), null, null);
        Card(page, texts.Replied, texts.Number(report.Replied), report.OutreachMessages > 0 ? texts.Percent(report.ReplyRate) : null, null);
        Card(page, texts.AverageScore, report.AverageScore is { } average ? texts.Number(average, 1) : "-", "/ 100",
            report.AverageScore is { } a ? BandClass(ScoreBands.IndexOf((int)Math.Round(a))) : null);
        page.Append("</section>\n");

        if (report.OutreachMessages == 0)
            page.Append("<p class=\"note\">").Append(Html.Encode(texts.NoOutreach)).Append("</p>\n");
        else if (report.OutreachMessages < report.SmallSample)
            page.Append("<p class=\"note\">").Append(Html.Encode(texts.SmallSampleBanner(report.OutreachMessages))).Append("</p>\n");
        if (report.UnscoredMessages > 0)
            page.Append("<p class=\"note unscored\">").Append(Html.Encode(texts.UnscoredNote(report.UnscoredMessages, report.OutreachMessages))).Append("</p>\n");
    }

    private static void Card(StringBuilder page, string label, string value, string? detail, string? valueClass)
    {
        page.Append("<div class=\"card\"><div class=\"label\">").Append(Html.Encode(label)).Append("</div><div class=\"value");
        if (valueClass is not null)
            page.Append(' ').Append(valueClass);
        page.Append("\">").Append(Html.Encode(value));
        if (detail is not null)
            page.Append(" <small>").Append(Html.Encode(detail)).Append("</small>");
        page.Append("</div></div>\n");
    }

    private static void Weeks(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.WeeksTitle, texts.WeeksLead);
        // The SVG scales to the width it is given (viewBox): no minimum width, no hidden scroll on a phone.
        page.Append("<div class=\"chartbox\">").Append(SvgCharts.WeeklyTrend(report.Weeks, texts)).Append("</div>\n");
        page.Append("<p class=\"legend\"><span class=\"key\" style=\"background:").Append(SvgCharts.Outreach).Append("\"></span>").Append(Html.Encode(texts.Outreach))
            .Append(" <span class=\"key\" style=\"background:").Append(SvgCharts.Replied).Append("\"></span>").Append(Html.Encode(texts.Replied))
            .Append(" <span class=\"key line\" style=\"background:").Append(SvgCharts.ScoreLine).Append("\"></span>").Append(Html.Encode(texts.AverageScore)).Append("</p>\n</section>\n");
    }

    private static void Bands(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.BandsTitle, null);
        int max = report.ScoreBands.Max(b => b.Messages);
        page.Append("<div class=\"rows\">\n");
        foreach ((ScoreBandStats? band, int index) in report.ScoreBands.Select((b, i) => (b, i)))
        {
            string summary = texts.RepliedOf(band.Replied, band.Messages, report.SmallSample);
            page.Append("<div class=\"row\"><div class=\"name\"><span class=\"badge ").Append(BandClass(index)).Append("\">").Append(Html.Encode(band.Band)).Append("</span></div>")
                .Append("<div class=\"graph\">").Append(SvgCharts.CountBar(band.Messages, band.Replied, max, BandColour(index), summary)).Append("</div>")
                .Append("<div class=\"figure\">").Append(Html.Encode(summary)).Append("</div></div>\n");
        }

        page.Append("</div>\n</section>\n");
    }

    private static void Rules(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.RulesTitle, texts.RulesLead + " " + texts.OverallMark(texts.Percent(report.ReplyRate)));
        page.Append("<div class=\"rules\">\n");

        // Rules broken most often first: they are where a change would touch most messages.
        foreach (RuleReplyStats? rule in report.Rules.Where(r => r.Fired > 0).OrderByDescending(r => r.Fired).ThenBy(r => r.Rule, StringComparer.Ordinal))
        {
            page.Append("<div class=\"rule\"><h3>").Append(Html.Encode(texts.RuleTitle(rule.Rule))).Append(" <code>").Append(Html.Encode(rule.Rule)).Append("</code></h3>\n");
            page.Append("<p class=\"verdict ").Append(Html.Encode(rule.Verdict)).Append("\">").Append(Html.Encode(texts.VerdictSentence(rule))).Append("</p>\n");
            RuleLine(page, texts.Broken, rule.ReplyRateWhenFired, rule.ReplyRateWhenFiredLow, rule.ReplyRateWhenFiredHigh, texts.RepliedOf(rule.RepliedWhenFired, rule.Fired, report.SmallSample), "#c0392b", report.ReplyRate);
            RuleLine(page, texts.Kept, rule.ReplyRateWhenNotFired, rule.ReplyRateWhenNotFiredLow, rule.ReplyRateWhenNotFiredHigh, texts.RepliedOf(rule.RepliedWhenNotFired, rule.NotFired, report.SmallSample), "#2e7d32", report.ReplyRate);
            if (rule.Skipped > 0)
                page.Append("<p class=\"small\">").Append(Html.Encode(texts.SkippedNote(rule.Skipped))).Append("</p>\n");
            page.Append("</div>\n");
        }

        page.Append("</div>\n");

        // Rules no outreach message broke have nothing to compare: one line instead of empty charts.
        string[] unbroken = report.Rules.Where(r => r.Fired == 0).Select(r => texts.RuleTitle(r.Rule)).ToArray();
        if (unbroken.Length > 0)
            page.Append("<p class=\"unbroken\">").Append(Html.Encode(texts.NeverBroken(unbroken))).Append("</p>\n");
        page.Append("</section>\n");
    }

    private static void RuleLine(StringBuilder page, string label, double? rate, double? low, double? high, string summary, string colour, double overall)
    {
        page.Append("<div class=\"row\"><div class=\"name\">").Append(Html.Encode(label)).Append("</div><div class=\"graph\">")
            .Append(SvgCharts.Bar(rate, colour, summary, overall, low, high)).Append("</div><div class=\"figure\">").Append(Html.Encode(summary)).Append("</div></div>\n");
    }

    private static void Templates(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.TemplatesTitle, report.Templates.Count > 0 ? texts.TemplatesLead : null);
        if (report.Templates.Count == 0)
        {
            page.Append("<p>").Append(Html.Encode(texts.NoTemplates)).Append("</p>\n</section>\n");
            return;
        }

        page.Append("<div class=\"scroll\"><table>\n<thead><tr><th>").Append(Html.Encode(texts.Subject)).Append("</th><th class=\"num\">").Append(Html.Encode(texts.Recipients))
            .Append("</th><th class=\"num\">").Append(Html.Encode(texts.Messages)).Append("</th><th>").Append(Html.Encode(texts.Period)).Append("</th><th>").Append(Html.Encode(texts.Replied)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (TemplateGroup template in report.Templates)
        {
            page.Append("<tr><td class=\"subject\">").Append(Html.Encode(template.Subject)).Append("</td><td class=\"num\">").Append(template.Recipients)
                .Append("</td><td class=\"num\">").Append(template.Messages).Append("</td><td>").Append(Html.Encode(texts.TemplateDates(template.FirstSent, template.LastSent)))
                .Append("</td><td>").Append(Html.Encode(texts.RepliedOf(template.Replied, template.Messages, report.SmallSample))).Append("</td></tr>\n");
        }

        page.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Weakest(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.WeakestTitle, texts.WeakestLead);
        page.Append("<ol class=\"weakest\">\n");
        if (report.Weakest.Count == 0)
            page.Append("<p>").Append(Html.Encode(texts.NoWeakest)).Append("</p>\n");
        foreach (WeakMessage message in report.Weakest)
        {
            page.Append("<li><span class=\"badge big ").Append(BandClass(ScoreBands.IndexOf(message.Score))).Append("\">").Append(message.Score).Append("</span><div>")
                .Append("<div class=\"subject\">").Append(Html.Encode(message.Subject.Length == 0 ? "-" : message.Subject)).Append("</div>")
                .Append("<div class=\"small\">").Append(Html.Encode($"{texts.To}: {message.To} · {texts.Day(message.Sent)} · {texts.Replied}: {(message.Replied ? texts.Yes : texts.No)}")).Append("</div>")
                .Append("<div class=\"chips\">");
            if (message.Rules.Count == 0)
                page.Append("<span class=\"chip ok\">").Append(Html.Encode(texts.NoneFired)).Append("</span>");
            foreach (string rule in message.Rules)
                page.Append("<span class=\"chip\" title=\"").Append(Html.Encode(rule)).Append("\">").Append(Html.Encode(texts.RuleTitle(rule))).Append("</span>");
            page.Append("</div>");
            if (message.Body is { } body)
                page.Append("<details><summary>").Append(Html.Encode(texts.T("Text", "Testo"))).Append("</summary><pre>").Append(Html.Encode(body)).Append("</pre></details>");
            page.Append("</div></li>\n");
        }

        page.Append("</ol>\n</section>\n");
    }

    private static void FollowUps(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.FollowUpsTitle, texts.FollowUpsLead);
        if (report.FollowUps.Count == 0)
        {
            page.Append("<p>").Append(Html.Encode(texts.NoFollowUps)).Append("</p>\n</section>\n");
            return;
        }

        page.Append("<ul class=\"how\">\n");
        foreach (string tip in texts.FollowUpEtiquette)
            page.Append("<li>").Append(Html.Encode(tip)).Append("</li>\n");
        page.Append("</ul>\n<ol class=\"followups\">\n");
        foreach (FollowUp followUp in report.FollowUps)
        {
            page.Append("<li><div class=\"subject\">").Append(Html.Encode(followUp.Subject.Length == 0 ? "-" : followUp.Subject)).Append("</div><div class=\"small\">")
                .Append(Html.Encode($"{texts.To}: {followUp.To} · {texts.Day(followUp.Sent)} · {texts.DaysAgo(followUp.DaysAgo)}")).Append("</div></li>\n");
        }

        page.Append("</ol>\n");
        if (report.FollowUpsTotal > report.FollowUps.Count)
            page.Append("<p class=\"small\">").Append(Html.Encode(texts.MoreFollowUps(report.FollowUpsTotal - report.FollowUps.Count))).Append("</p>\n");
        page.Append("</section>\n");
    }

    private static void Features(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.FeaturesTitle, texts.FeaturesLead);
        foreach (FeatureStats feature in report.Features)
        {
            page.Append("<div class=\"rule\"><h3>").Append(Html.Encode(texts.FeatureTitle(feature.Feature))).Append("</h3>\n");
            foreach (FeatureBand band in feature.Bands.Where(b => b.Messages > 0))
            {
                string summary = texts.RepliedOf(band.Replied, band.Messages, report.SmallSample);
                RuleLine(page, texts.BandLabel(feature.Feature, band.Band), band.ReplyRate, band.ReplyRateLow, band.ReplyRateHigh, summary, SvgCharts.Replied, report.ReplyRate);
            }

            foreach (PublishedFigure figure in feature.Published)
                page.Append("<p class=\"small published\">").Append(Html.Encode(texts.Published(figure))).Append("</p>\n");
            page.Append("</div>\n");
        }

        page.Append("</section>\n");
    }

    private static void How(StringBuilder page, OutreachReport report, ReportTexts texts)
    {
        Section(page, texts.HowTitle, null);
        page.Append("<ul class=\"how\">\n");
        foreach (string item in texts.HowItems(report.ReplyWindowDays))
            page.Append("<li>").Append(Html.Encode(item)).Append("</li>\n");
        if (report.Skipped.Count > 0)
            page.Append("<li>").Append(Html.Encode(texts.SkippedLine(report.Skipped))).Append("</li>\n");
        page.Append("</ul>\n</section>\n");
    }

    private static void Section(StringBuilder page, string title, string? lead)
    {
        page.Append("<section>\n<h2>").Append(Html.Encode(title)).Append("</h2>\n");
        if (lead is not null)
            page.Append("<p class=\"lead\">").Append(Html.Encode(lead)).Append("</p>\n");
    }

    private static string BandClass(int index) => "band" + index;

    private static string BandColour(int index) => index switch
    {
        0 => "#c0392b",
        1 => "#a35200",
        2 => "#5f6b0e",
        _ => "#2e7d32",
    };
}
