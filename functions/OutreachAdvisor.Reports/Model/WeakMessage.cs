namespace OutreachAdvisor.Reports.Model;

/// <summary>One of the lowest-scoring outreach messages that broke at least one rule.</summary>
/// <param name="Sent">When it was sent, in UTC.</param>
/// <param name="Body">Only when the report was asked to include bodies.</param>
public sealed record WeakMessage(
    string Subject,
    string To,
    DateTimeOffset Sent,
    int Score,
    IReadOnlyList<string> Rules,
    bool Replied,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Body = null);
