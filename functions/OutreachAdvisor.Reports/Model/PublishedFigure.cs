namespace OutreachAdvisor.Reports.Model;

/// <summary>A figure published elsewhere (docs/reports.md "Published figures" gives the sources), shown beside the user's numbers and labelled as such.</summary>
/// <param name="Id">Stable key the page translates from.</param>
public sealed record PublishedFigure(string Id, string Source, string Finding);
