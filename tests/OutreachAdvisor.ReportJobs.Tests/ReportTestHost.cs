using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Api;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.Functions;
using OutreachAdvisor.Identity;
using OutreachAdvisor.Identity.Tests;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>
/// The Functions app's report services as Program.cs wires them, on a fresh set of Azurite resources,
/// with the sign-in checked against the local OpenID server and the mail and builder faked.
/// </summary>
internal sealed class ReportTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ReportTestHost(ReportStorage storage, LocalOpenIdServer openId, ManualClock clock, int? reportsPerMinute)
    {
        Storage = storage;
        Clock = clock;
        OpenId = openId;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton(storage);
        collection.AddSingleton<ReportStore>();
        collection.AddSingleton(sp => new ReportJobService(sp.GetRequiredService<ReportStore>(), new StorageQueueJobSender(storage.Queue), clock));
        collection.AddSingleton<IReportSignIn>(new ReportSignIn(new EntraTokenValidator(openId.Options())));
        collection.AddSingleton(sp => new ReportHandlers(sp.GetRequiredService<IReportSignIn>(), sp.GetRequiredService<ReportJobService>(), clock));
        collection.AddSingleton<IReportMailSourceFactory>(Mail);
        collection.AddSingleton<IReportBuilder>(Builder);
        collection.AddSingleton(sp => new ReportJobRunner(sp.GetRequiredService<ReportStore>(), Mail, Builder, time: clock, states: States));
        if (reportsPerMinute is { } perMinute)
            collection.AddSingleton(new ApiRateLimiter(new RateLimitSettings { ReportsPerMinute = perMinute }));
        _services = collection.BuildServiceProvider();
        Functions = new ReportFunctions(_services);
    }

    public ReportStorage Storage { get; }

    /// <summary>The carried-over state of each owner, in the test's own blob container.</summary>
    public BlobOutreachStateStore States => new(Storage.Blobs);
    public ManualClock Clock { get; }
    public LocalOpenIdServer OpenId { get; }
    public FakeMailSources Mail { get; } = new();
    public CountingBuilder Builder { get; } = new();
    public ReportFunctions Functions { get; }
    public ReportStore Store => _services.GetRequiredService<ReportStore>();
    public ReportJobService Jobs => _services.GetRequiredService<ReportJobService>();
    public ReportJobRunner Runner => _services.GetRequiredService<ReportJobRunner>();

    public static readonly Guid Tenant = Guid.Parse(LocalOpenIdServer.Tenant);

    /// <param name="reportsPerMinute">Registers the API's rate limiter with this per-user budget, as the Functions app does.</param>
    public static async Task<ReportTestHost> StartAsync(LocalOpenIdServer openId, int? reportsPerMinute = null) =>
        new(await AzuriteStorage.CreateAsync(), openId, new ManualClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)), reportsPerMinute);

    public string Token(Guid oid) => Tokens.For(OpenId, oid);

    /// <summary>POSTs a report request through the Functions trigger.</summary>
    public async Task<Microsoft.AspNetCore.Http.DefaultHttpContext> PostAsync(Guid user, string? json = """{ "since": "2026-10-01" }""", string? key = null)
    {
        DefaultHttpContext context = Http.Request("POST", "/api/reports", Token(user), json, key);
        await Functions.CreateAsync(context.Request);
        return context;
    }

    /// <summary>Receives every visible message (each receive raises its dequeue count by one), hiding them briefly.</summary>
    public async Task<QueueMessage[]> ReceiveAsync(TimeSpan? hideFor = null) =>
        (await Storage.Queue.ReceiveMessagesAsync(32, hideFor ?? TimeSpan.FromSeconds(1))).Value;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await AzuriteStorage.DeleteAsync(Storage);
    }
}
