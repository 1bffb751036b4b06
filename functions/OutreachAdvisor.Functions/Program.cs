using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.FoundAt.Discovery;
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
// Discovery of recipients' addresses on their organisations' sites: on unless Discovery__Enabled=false;
// verdicts in the "discovery" table beside the report tables (docs/found-at.md).
IAddressDiscovery? discovery = DiscoverySetup.FromSettings(key => builder.Configuration[key], byDefault: true, TableDiscoveryCache.FromSettings(key => builder.Configuration[key]));
builder.Services.AddOutreachApi(services => ConfiguredAnalysisSources.Create(builder.Configuration, services, discovery));
// Report jobs (queue, tables, blobs; app-only Graph for the queue function): see docs/reports-azure.md.
builder.Services.AddOutreachReports(builder.Configuration);
// OpenTelemetry: the worker's invocation spans and our source and meter; Azure Monitor when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set (docs/operations.md).
builder.Services.AddOutreachTelemetry(builder.Configuration[TelemetrySetup.ConnectionStringSetting], alwaysOn: true, telemetry => telemetry.UseFunctionsWorkerDefaults());
builder.Build().Run();
