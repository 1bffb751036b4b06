using System.Text.Json;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Output;

public static class ReportJson
{
    public static string Serialize(OutreachReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.OutreachReport);

    public static OutreachReport? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.OutreachReport);
}
