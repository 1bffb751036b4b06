using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Aggregating;

/// <summary>
/// Figures published elsewhere, shown beside the user's own numbers and labelled as such. Source:
/// the team's design notes of late 2026 ("anchors"), which summarise vendors' public studies; they are
/// copied here (docs/reports.md "Published figures" lists them with the same wording) and were not
/// measured on any user's mail. The page translates them by id.
/// </summary>
internal static class PublishedFigures
{
    public static IReadOnlyList<PublishedFigure> For(string feature) => feature switch
    {
        "length" =>
        [
            new("boomerang-length", "Boomerang, 40M e-mails", "Messages of 50-125 words were answered most (above 50%)."),
            new("lavender-length", "Lavender", "25-50 words got 67% more replies than 125 words."),
        ],
        "questions" => [new("boomerang-questions", "Boomerang, 40M e-mails", "1-3 questions got about 50% more replies than none.")],
        "readingEase" =>
        [
            new("boomerang-reading", "Boomerang, 40M e-mails", "Third-grade reading level: 53% replied; college level: 39%."),
            new("lavender-reading", "Lavender", "Fifth-grade reading level got 67% more replies than tenth grade and above."),
        ],
        "subjectLength" => [new("boomerang-subject", "Boomerang, 40M e-mails", "Subjects of 3-4 words did best.")],
        "followedUp" => [new("woodpecker-followup", "Woodpecker", "One follow-up took average reply rates from 9% to 13%.")],
        "campaignSize" => [new("buzzstream-scale", "BuzzStream, 31M outreach e-mails", "Campaigns of 1-50 e-mails: 1.15% reply rate; 1,001-5,000 e-mails: 0.37%.")],
        _ => [],
    };
}
