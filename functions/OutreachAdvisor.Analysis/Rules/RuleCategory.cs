using System.Text.Json.Serialization;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>The contract's five categories, one per kind of etiquette the article names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleCategory>))]
public enum RuleCategory
{
    [JsonStringEnumMemberName("relationship")] Relationship,
    [JsonStringEnumMemberName("channel")] Channel,
    [JsonStringEnumMemberName("reciprocity")] Reciprocity,
    [JsonStringEnumMemberName("personalisation")] Personalisation,
    [JsonStringEnumMemberName("automation")] Automation,
}
