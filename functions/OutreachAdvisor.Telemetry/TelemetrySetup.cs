using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace OutreachAdvisor.Telemetry;

/// <summary>
/// Turns OpenTelemetry on for the OutreachAdvisor source and meter (and the host's logs). With
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set, everything is exported to Azure Monitor; with neither
/// a connection string nor <c>alwaysOn</c>, nothing is registered (offline by default: the
/// instruments then cost a null check).
/// </summary>
public static class TelemetrySetup
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string ServiceName = "outreach-advisor";

    /// <param name="alwaysOn">Register even without a connection string (the Functions worker; tests with exporters of their own).</param>
    /// <param name="configure">More exporters or instrumentation: the Functions worker's defaults.</param>
    /// <returns>The builder, or null when telemetry stays off.</returns>
    public static OpenTelemetryBuilder? AddOutreachTelemetry(this IServiceCollection services, string? connectionString, bool alwaysOn = false, Action<OpenTelemetryBuilder>? configure = null)
    {
        bool azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        if (!azureMonitor && !alwaysOn)
            return null;
        OpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(OutreachTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(OutreachTelemetry.Name))
            .WithLogging();
        if (azureMonitor)
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = connectionString);
        configure?.Invoke(telemetry);
        return telemetry;
    }
}
