namespace OutreachAdvisor.Analysis.Model;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<BodyFormat>))]
public enum BodyFormat
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("text")] Text,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("html")] Html,
}
