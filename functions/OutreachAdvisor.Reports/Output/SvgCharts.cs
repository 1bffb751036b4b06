using System.Globalization;
using System.Text;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Output;

/// <summary>The page's charts as inline SVG: nothing to load, prints as vectors, scales with the page.</summary>
internal static class SvgCharts
{
    public const string Outreach = "#90b4e6";
    public const string Replied = "#1f5fae";
    public const string ScoreLine = "#e07b00";

    /// <summary>Bars of outreach per week (replied part darker) with the average score as a line on a 0-100 axis.</summary>
    public static string WeeklyTrend(IReadOnlyList<WeekTrend> weeks, ReportTexts texts)
    {
        const double width = 720, height = 260, left = 40, right = 40, top = 16, bottom = 44;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        // A count axis of whole numbers: four equal steps of a whole size.
        int tick = Math.Max(1, (int)Math.Ceiling(weeks.Max(w => w.OutreachMessages) / 4.0));
        int maxCount = tick * 4;
        double step = plotWidth / weeks.Count;
        double barWidth = Math.Clamp(step * 0.7, 1, 56);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.Encode(texts.ChartLabelWeeks)}\">"));

        // Grid lines at quarters of the count axis (left) and the score axis (right).
        for (int i = 0; i <= 4; i++)
        {
            double y = top + plotHeight - plotHeight * i / 4;
            svg.Append(Inv($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(Inv($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{tick * i}</text>"));
            svg.Append(Inv($"<text x=\"{width - right + 6}\" y=\"{y + 4:0.#}\" class=\"axis score\">{25 * i}</text>"));
        }

        var points = new List<string>();
        bool oneYear = weeks.Select(w => w.Week[..4]).Distinct().Count() == 1;
        int labelEvery = Math.Max(1, (int)Math.Ceiling(weeks.Count / 12.0));
        for (int i = 0; i < weeks.Count; i++)
        {
            WeekTrend week = weeks[i];
            double x = left + step * i + (step - barWidth) / 2;
            double barHeight = plotHeight * week.OutreachMessages / maxCount;
            double repliedHeight = plotHeight * week.Replied / maxCount;
            svg.Append(Inv($"<rect x=\"{x:0.##}\" y=\"{top + plotHeight - barHeight:0.##}\" width=\"{barWidth:0.##}\" height=\"{barHeight:0.##}\" fill=\"{Outreach}\"><title>{Html.Encode($"{week.Week}: {week.OutreachMessages} / {week.Replied} / {week.AverageScore}")}</title></rect>"));
            if (repliedHeight > 0)
                svg.Append(Inv($"<rect x=\"{x:0.##}\" y=\"{top + plotHeight - repliedHeight:0.##}\" width=\"{barWidth:0.##}\" height=\"{repliedHeight:0.##}\" fill=\"{Replied}\"/>"));
            double centre = left + step * i + step / 2;
            // An empty week is a zero bar and a gap in the score line, not a missing week.
            if (week.AverageScore is { } average)
                points.Add(Inv($"{centre:0.##},{top + plotHeight - plotHeight * average / 100:0.##}"));
            if (i % labelEvery == 0)
                svg.Append(Inv($"<text x=\"{centre:0.##}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{Html.Encode(oneYear ? week.Week[5..] : week.Week[2..])}</text>"));
        }

        svg.Append(Inv($"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{ScoreLine}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"));
        foreach (string point in points)
        {
            string[] xy = point.Split(',');
            svg.Append(Inv($"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{ScoreLine}\"/>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A horizontal bar filled to <paramref name="share"/> (0-1), for rates shown next to HTML labels.</summary>
    /// <param name="reference">Where to draw a thin mark (the overall reply rate), so each bar reads as above or below it.</param>
    /// <param name="low">With <paramref name="high"/>: the 95% interval, drawn as a whisker across the bar.</param>
    public static string Bar(double? share, string colour, string label, double? reference = null, double? low = null, double? high = null)
    {
        double width = Math.Clamp(share ?? 0, 0, 1) * 100;
        string whisker = low is { } l && high is { } h
            ? Inv($"<rect x=\"{Math.Clamp(l * 100, 0, 100):0.##}\" y=\"4.4\" width=\"{Math.Max(0.4, Math.Clamp(h - l, 0, 1) * 100):0.##}\" height=\"1.2\" class=\"whisker\"/>")
              + Inv($"<rect x=\"{Math.Clamp(l * 100, 0, 99.6):0.##}\" y=\"2\" width=\"0.4\" height=\"6\" class=\"whisker\"/><rect x=\"{Math.Clamp(h * 100, 0, 99.6):0.##}\" y=\"2\" width=\"0.4\" height=\"6\" class=\"whisker\"/>")
            : string.Empty;
        return Inv($"<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Html.Encode(label)}\">")
            + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" class=\"track\"/>"
            + (share is null ? string.Empty : Inv($"<rect x=\"0\" y=\"0\" width=\"{width:0.##}\" height=\"10\" fill=\"{colour}\" opacity=\"0.8\"/>"))
            + whisker
            + (reference is { } mark ? Inv($"<rect x=\"{Math.Clamp(mark * 100, 0, 99.4):0.##}\" y=\"0\" width=\"0.6\" height=\"10\" class=\"mark\"/>") : string.Empty)
            + "</svg>";
    }

    /// <summary>A bar whose length is the message count (relative to <paramref name="max"/>) with the replied part darker.</summary>
    public static string CountBar(int count, int replied, int max, string colour, string label)
    {
        double total = max == 0 ? 0 : 100.0 * count / max;
        double answered = max == 0 ? 0 : 100.0 * replied / max;
        return Inv($"<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Html.Encode(label)}\">")
            + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" class=\"track\"/>"
            + Inv($"<rect x=\"0\" y=\"0\" width=\"{total:0.##}\" height=\"10\" fill=\"{colour}\" opacity=\"0.45\"/>")
            + Inv($"<rect x=\"0\" y=\"0\" width=\"{answered:0.##}\" height=\"10\" fill=\"{colour}\"/>")
            + "</svg>";
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
