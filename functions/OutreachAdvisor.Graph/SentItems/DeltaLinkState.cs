namespace OutreachAdvisor.Graph.SentItems;

/// <summary>A folder's <c>@odata.deltaLink</c> and when the round that produced it started.</summary>
/// <param name="Link">The opaque delta link, exactly as Graph returned it (it carries the state token).</param>
/// <param name="SyncedAt">
/// When the round that ended with this link began. The next round from the link returns what changed
/// after (about) that time; beginning the clock at the start of the round errs on overlap, never on loss.
/// </param>
public sealed record DeltaLinkState(string Link, DateTimeOffset SyncedAt);
