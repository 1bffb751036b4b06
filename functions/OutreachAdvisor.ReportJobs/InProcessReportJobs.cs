using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The job queue of <c>outreach serve --mailbox</c>: a bounded channel (<see cref="Capacity"/> jobs) and one
/// background worker that runs each job with the same <see cref="ReportJobRunner"/> as the Azure queue
/// function, one at a time (a report already uses every core). Transient failures are retried like the
/// queue's redeliveries, up to <see cref="ReportJobRunner.MaxDequeueCount"/> attempts, after a growing pause.
/// </summary>
public sealed partial class InProcessReportJobs : BackgroundService, IReportJobSender
{
    public const int Capacity = 20;

    private readonly Channel<ReportJob> _jobs = Channel.CreateBounded<ReportJob>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Func<ReportJobRunner> _runner;
    private readonly ILogger _log;

    /// <param name="runner">Resolved on first use: the runner's own dependencies may need this queue.</param>
    public InProcessReportJobs(Func<ReportJobRunner> runner, ILogger<InProcessReportJobs>? logger = null)
    {
        _runner = runner;
        _log = logger ?? NullLogger<InProcessReportJobs>.Instance;
    }

    /// <summary>The pause before attempt n + 1 is n times this.</summary>
    public TimeSpan RetryPause { get; init; } = TimeSpan.FromSeconds(2);

    public Task SendAsync(ReportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_jobs.Writer.TryWrite(job))
            throw new ReportQueueFullException($"{Capacity} reports are waiting already; try again in a minute.");
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (ReportJob job in _jobs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            ReportJobRunner runner = _runner();
            string messageId = Guid.NewGuid().ToString("N");
            for (int attempt = 1; attempt <= runner.MaxDequeueCount; attempt++)
            {
                try
                {
                    await runner.RunAsync(job.ToJson(), messageId, attempt, stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error) when (ReportJobRunner.IsTransient(error) && attempt < runner.MaxDequeueCount)
                {
                    // The runner recorded the attempt on the row; the queue's redelivery is this pause.
                    await Task.Delay(RetryPause * attempt, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    // The last attempt: the runner marked the job failed before rethrowing (the Azure host would poison it).
                    LogGaveUp(_log, error, job.Id);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {ReportId} failed on its last attempt.")]
    private static partial void LogGaveUp(ILogger logger, Exception error, string reportId);
}
