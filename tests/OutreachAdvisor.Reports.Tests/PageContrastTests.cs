using System.Globalization;
using System.Text.RegularExpressions;
using OutreachAdvisor.Reports.Output;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Every coloured text of the report page reads at WCAG AA (4.5:1), whatever the text size.</summary>
[TestClass]
public sealed partial class PageContrastTests
{
    private const double Minimum = 4.5;

    [TestMethod]
    public void White_text_on_every_score_band_badge_has_at_least_4_5_to_1()
    {
        MatchCollection badges = BandBackground().Matches(ReportStyles.Css);
        Assert.HasCount(4, badges);
        foreach (Match badge in badges)
            Assert.IsGreaterThanOrEqualTo(Minimum, Contrast("#ffffff", badge.Groups["colour"].Value), badge.Value);
    }

    [TestMethod]
    public void Coloured_text_on_the_white_page_has_at_least_4_5_to_1()
    {
        MatchCollection colours = TextColour().Matches(ReportStyles.Css);
        Assert.IsGreaterThanOrEqualTo(4, colours.Count);
        foreach (Match colour in colours)
            Assert.IsGreaterThanOrEqualTo(Minimum, Contrast(colour.Groups["colour"].Value, "#ffffff"), colour.Value);
    }

    [TestMethod]
    public void The_contrast_check_itself_tells_the_old_orange_from_the_new()
    {
        Assert.IsLessThan(Minimum, Contrast("#ffffff", "#e07b00"));
        Assert.AreEqual(21, Contrast("#000000", "#ffffff"), 0.01);
    }

    /// <summary>WCAG 2 contrast ratio of two #rrggbb colours.</summary>
    private static double Contrast(string first, string second)
    {
        static double Luminance(string hex)
        {
            double Channel(int at)
            {
                double c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        }

        double a = Luminance(first), b = Luminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    [GeneratedRegex(@"\.band\d \{ background: (?<colour>#[0-9a-f]{6}); \}")]
    private static partial Regex BandBackground();

    // Score values on the cards, the score axis, the costs-replies verdict, rule chips.
    [GeneratedRegex(@"(?:\.value\.band\d|\.axis\.score|\.verdict\.costs-replies|\.chip) \{[^}]*?(?:color|fill): (?<colour>#[0-9a-f]{6})")]
    private static partial Regex TextColour();
}
