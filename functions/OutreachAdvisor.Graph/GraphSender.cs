using System.Net;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OutreachAdvisor.Graph;

/// <summary>
/// Sends Graph requests alone or in JSON batches, retrying 429/503 after Retry-After as long as the
/// wait fits in the call's budget, and turning every other failure into a one-line
/// <see cref="GraphMailboxException"/>.
/// </summary>
internal sealed class GraphSender(GraphServiceClient client, GraphMailboxOptions options, GraphRequestGate gate)
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public async Task<T> SendAsync<T>(string label, RequestInformation request, ParsableFactory<T> factory, CallBudget budget)
        where T : IParsable
    {
        for (int retry = 0; ; retry++)
        {
            try
            {
                T? result;
                using (await gate.EnterAsync(1, budget.Token).ConfigureAwait(false))
                    result = await client.RequestAdapter.SendAsync(request, factory, ErrorMapping, budget.Token).ConfigureAwait(false);
                return result ?? throw new GraphMailboxException($"{label}: Microsoft Graph answered with no content");
            }
            catch (ApiException error) when (IsTransient(error.ResponseStatusCode) && retry < options.MaxRetries)
            {
                await WaitBeforeRetryAsync(label, error.ResponseStatusCode, RetryAfter.From(error.ResponseHeaders), budget).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException and not GraphMailboxException)
            {
                // The SDK wraps a cancelled $batch in a ServiceException: a cancellation it still is.
                budget.Token.ThrowIfCancellationRequested();
                throw Failure(label, error);
            }
        }
    }

    /// <summary>
    /// Sends the steps in <c>$batch</c> requests (the SDK splits them 20 per batch) and returns each
    /// step's page by its id. Throttled steps are sent again in a smaller batch; any other failed step is
    /// returned in <see cref="BatchOutcome{T}.Failures"/> (the caller decides what it costs), while a failure
    /// of the whole batch request fails the call.
    /// </summary>
    public async Task<BatchOutcome<T>> SendBatchAsync<T>(IReadOnlyDictionary<string, BatchStep> steps, CallBudget budget)
        where T : IParsable, new()
    {
        var results = new Dictionary<string, T>();
        var failures = new Dictionary<string, GraphMailboxException>();
        Dictionary<string, BatchStep> pending = new(steps);
        for (int retry = 0; ; retry++)
        {
            var throttled = new Dictionary<string, BatchStep>();
            TimeSpan? wait = null;
            int status = 0;
            try
            {
                var batch = new BatchRequestContentCollection(client);
                foreach ((string? id, BatchStep? step) in pending)
                    await batch.AddBatchRequestStepAsync(step.Request, id).ConfigureAwait(false);
                BatchResponseContentCollection response;
                using (await gate.EnterAsync(pending.Count, budget.Token).ConfigureAwait(false))
                    response = await client.Batch.PostAsync(batch, budget.Token).ConfigureAwait(false);
                Dictionary<string, HttpStatusCode> statuses = await response.GetResponsesStatusCodesAsync().ConfigureAwait(false);
                foreach ((string? id, BatchStep? step) in pending)
                {
                    if (!statuses.TryGetValue(id, out HttpStatusCode code))
                        throw new GraphMailboxException($"{step.Label}: the $batch response has no answer for it");
                    if ((int)code is >= 200 and < 300)
                    {
                        results[id] = await response.GetResponseByIdAsync<T>(id).ConfigureAwait(false)
                            ?? throw new GraphMailboxException($"{step.Label}: Microsoft Graph answered with no content");
                        continue;
                    }
                    using HttpResponseMessage item = await response.GetResponseByIdAsync(id).ConfigureAwait(false);
                    if (IsTransient((int)code) && retry < options.MaxRetries)
                    {
                        throttled[id] = step;
                        status = (int)code;
                        TimeSpan? after = RetryAfter.Parse(item.Headers.TryGetValues("Retry-After", out IEnumerable<string>? values) ? values.FirstOrDefault() : null);
                        wait = Longest(wait, after);
                        continue;
                    }
                    failures[id] = new GraphMailboxException(await DescribeBatchFailureAsync(step.Label, item).ConfigureAwait(false));
                }
            }
            catch (ApiException error) when (IsTransient(error.ResponseStatusCode) && retry < options.MaxRetries)
            {
                // The whole $batch request was throttled: send all pending steps again.
                throttled = pending;
                status = error.ResponseStatusCode;
                wait = RetryAfter.From(error.ResponseHeaders);
            }
            catch (Exception error) when (error is not OperationCanceledException and not GraphMailboxException)
            {
                // The SDK wraps a cancelled $batch in a ServiceException: a cancellation it still is.
                budget.Token.ThrowIfCancellationRequested();
                throw Failure(pending.Values.First().Label, error);
            }
            if (throttled.Count == 0)
                return new BatchOutcome<T>(results, failures);
            await WaitBeforeRetryAsync(throttled.Values.First().Label, status, wait, budget).ConfigureAwait(false);
            pending = throttled;
        }
    }

    private async Task WaitBeforeRetryAsync(string label, int status, TimeSpan? retryAfter, CallBudget budget)
    {
        TimeSpan wait = retryAfter ?? options.DefaultRetryDelay;
        // Waiting past the budget would only end in a timeout: say why now instead.
        if (wait >= budget.Remaining)
        {
            throw new GraphMailboxException(
                $"{label}: Microsoft Graph answered HTTP {status} and asked to retry after {wait.TotalSeconds:0.###} s, " +
                $"more than is left of the {budget.Limit.TotalSeconds:0.###} s budget");
        }
        await Task.Delay(wait, budget.Token).ConfigureAwait(false);
    }

    private static bool IsTransient(int status) => status is 429 or 503;

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    /// <summary>A one-line reason for any failure of a request.</summary>
    internal static GraphMailboxException Failure(string label, Exception error) => error switch
    {
        ODataError odata => new GraphMailboxException(
            $"{label}: Microsoft Graph answered HTTP {odata.ResponseStatusCode}{Detail(odata.Error?.Code, odata.Error?.Message)}", error),
        ApiException api when api.ResponseStatusCode != 0 => new GraphMailboxException(
            $"{label}: Microsoft Graph answered HTTP {api.ResponseStatusCode}", error),
        JsonException => new GraphMailboxException($"{label}: Microsoft Graph sent a response that is not valid JSON", error),
        HttpRequestException => new GraphMailboxException($"{label}: Microsoft Graph could not be reached: {OneLine(error.Message)}", error),
        _ => new GraphMailboxException($"{label}: {OneLine(error.Message)}", error),
    };

    private static async Task<string> DescribeBatchFailureAsync(string label, HttpResponseMessage item)
    {
        string? code = null, message = null;
        try
        {
            string body = item.Content is null ? "" : await item.Content.ReadAsStringAsync().ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out JsonElement error))
            {
                code = error.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // The status alone still says what went wrong.
        }
        return $"{label}: Microsoft Graph answered HTTP {(int)item.StatusCode}{Detail(code, message)}";
    }

    private static string Detail(string? code, string? message)
    {
        string text = string.Join(": ", new[] { code, message }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return text.Length == 0 ? "" : " " + OneLine(text);
    }

    internal static string OneLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>One request of a JSON batch, with the words that name it in error messages.</summary>
internal sealed record BatchStep(string Label, RequestInformation Request);

/// <summary>The pages of the steps that succeeded and the one-line failure of each that did not, by step id.</summary>
internal sealed record BatchOutcome<T>(Dictionary<string, T> Results, Dictionary<string, GraphMailboxException> Failures);
