using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutreachAdvisor.Api;
using OutreachAdvisor.Api.Reports;

// The isolated worker with ASP.NET Core integration: triggers get HttpContext, so they call the same
// handlers as `outreach serve`. Providers (Graph or local mailbox, Azure AI Language or built-in,
// sign-in) come from app settings; see README "Configuring Graph and Language".
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHttpClient();
builder.Services.AddOutreachApi(services => ConfiguredAnalysisSources.Create(builder.Configuration, services));
// Report jobs (queue, tables, blobs; app-only Graph for the queue function): see docs/reports-azure.md.
builder.Services.AddOutreachReports(builder.Configuration);
builder.Build().Run();
