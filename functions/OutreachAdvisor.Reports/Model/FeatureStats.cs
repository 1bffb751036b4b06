namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// Reply rates by one habit (contract section 6 <c>features</c>): <c>length</c>, <c>questions</c>,
/// <c>readingEase</c>, <c>subjectLength</c>, <c>weekday</c>, <c>hour</c>, <c>followedUp</c>.
/// </summary>
/// <param name="Published">Figures published elsewhere to read beside the user's own (not measured on this mailbox).</param>
public sealed record FeatureStats(string Feature, IReadOnlyList<FeatureBand> Bands, IReadOnlyList<PublishedFigure> Published);
