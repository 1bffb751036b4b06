using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutreachAdvisor.Api;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.Functions;
using OutreachAdvisor.Telemetry;

// The isolated worker with ASP.NET Core integration: triggers get HttpContext, so they call the same
// handlers as `outreach serve`. Providers (Graph or local mailbox, Azure AI Language or built-in,
// sign-in) come from app settings; see README "Configuring Graph and Language".
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Host filtering (Http:AllowedHosts) and per-route response ceilings, before any trigger runs.
builder.Services.AddSingleton(HostFilter.FromConfiguration(builder.Configuration));
builder.UseMiddleware<ApiGuardMiddleware>();
builder.Services.AddHttpClient();
builder.Services.AddOutreachApi(services => ConfiguredAnalysisSources.Create(builder.Configuration, services));
// Report jobs (queue, tables, blobs; app-only Graph for the queue function): see docs/reports-azure.md.
builder.Services.AddOutreachReports(builder.Configuration);
// OpenTelemetry: the worker's invocation spans and our source and meter; Azure Monitor when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set (docs/operations.md).
builder.Services.AddOutreachTelemetry(builder.Configuration[TelemetrySetup.ConnectionStringSetting], alwaysOn: true, telemetry => telemetry.UseFunctionsWorkerDefaults());
builder.Build().Run();
