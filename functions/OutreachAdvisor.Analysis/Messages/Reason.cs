namespace OutreachAdvisor.Analysis.Messages;

/// <summary>
/// A sentence for a person, kept as a message id and its named values until it is rendered in the
/// reader's language: a check's detail ("no earlier two-way mail with {recipients}"), or why a source
/// gave nothing ("the mailbox ({provider}) did not answer within {seconds} s"). Values may be strings,
/// numbers, lists of strings or other reasons, rendered in the same language.
/// </summary>
public sealed record Reason(string Id, IReadOnlyDictionary<string, object>? Args = null)
{
    public static readonly IReadOnlyDictionary<string, object> NoArgs = new Dictionary<string, object>();

    public IReadOnlyDictionary<string, object> Values => Args ?? NoArgs;

    /// <summary>A reason with named values: <c>Reason.With("mailbox/timeout", ("provider", name), ("seconds", "3"))</c>.</summary>
    public static Reason With(string id, params (string Name, object Value)[] values) => new(id, MessageArgs.Of(values));

    public override string ToString() => Localizer.Render(this, "en");

    /// <summary>Equal when the id and every value are equal (lists item by item), whichever dictionary holds them.</summary>
    public bool Equals(Reason? other) =>
        other is not null && Id == other.Id && Values.Count == other.Values.Count
        && Values.All(pair => other.Values.TryGetValue(pair.Key, out object? value) && SameValue(pair.Value, value));

    public override int GetHashCode() => HashCode.Combine(Id, Values.Count);

    private static bool SameValue(object a, object b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (IEnumerable<string> x, IEnumerable<string> y) => x.SequenceEqual(y),
        (ReasonList x, ReasonList y) => x.Separator == y.Separator && x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
