using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using OutreachAdvisor.Reports;
using DeltaPage = Microsoft.Graph.Me.MailFolders.Item.Messages.Delta.DeltaGetResponse;
using GraphEmail = Microsoft.Graph.Models.EmailAddress;
using MailAddress = OutreachAdvisor.Analysis.Model.EmailAddress;
using MailBodyFormat = OutreachAdvisor.Analysis.Model.BodyFormat;

namespace OutreachAdvisor.Graph.SentItems;

/// <summary>
/// The report's mail from Microsoft Graph with delta queries: Sent Items (with the body, as text, for
/// the engine to analyse) and the Inbox (headers only, to find replies). Each folder's round ends with
/// an <c>@odata.deltaLink</c>; with an <see cref="IDeltaLinkStore"/> the next run starts from it and reads
/// only what changed. New links are kept pending until <see cref="CommitAsync"/>, which the job calls
/// once its report is stored: a failed run leaves the old links, so its mail is read again, never lost.
/// See docs/reports-azure.md.
/// </summary>
public sealed class GraphReportMailSource : IReportMailSource
{
    public const string SentItems = "sentitems";
    public const string Inbox = "inbox";

    /// <summary>Sent messages: headers, plus <c>body</c> when <see cref="GraphReportSourceOptions.ReadSentBodies"/>.</summary>
    public static readonly string[] SentFields =
        ["id", "conversationId", "from", "sender", "toRecipients", "ccRecipients", "bccRecipients", "subject", "sentDateTime", "receivedDateTime"];

    /// <summary>Received messages: headers only, never a body.</summary>
    public static readonly string[] ReceivedFields =
        ["id", "conversationId", "from", "sender", "toRecipients", "ccRecipients", "subject", "sentDateTime", "receivedDateTime"];

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly GraphServiceClient _client;
    private readonly GraphReportSourceOptions _options;
    private readonly IDeltaLinkStore? _deltaLinks;
    private readonly string _owner;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DeltaLinkState> _pending = new(StringComparer.Ordinal);

    /// <param name="owner">The key delta links are stored under (the report owner).</param>
    /// <param name="deltaLinks">Null: every run is a full round from <c>since</c>, nothing is stored.</param>
    public GraphReportMailSource(GraphServiceClient client, string owner, GraphReportSourceOptions? options = null, IDeltaLinkStore? deltaLinks = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        _client = client;
        _owner = owner;
        _options = options ?? new GraphReportSourceOptions();
        _deltaLinks = deltaLinks;
        _time = time ?? TimeProvider.System;
    }

    public string Name => "graph";

    /// <summary>Per folder, whether the last <see cref="ReadAsync"/> started from a stored delta link.</summary>
    public IReadOnlyDictionary<string, bool> Incremental => _incremental;

    private readonly Dictionary<string, bool> _incremental = new(StringComparer.Ordinal);

    /// <summary>Ids Graph reported as <c>@removed</c> in the last read (deleted or moved out of the folder).</summary>
    public IReadOnlyCollection<string> Removed => _removed;

    private readonly List<string> _removed = [];

    /// <summary>Messages skipped because Graph gave them no date (they cannot be placed in the report's period).</summary>
    public int Undated { get; private set; }

    public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _pending.Clear();
        _incremental.Clear();
        _removed.Clear();
        Undated = 0;
        foreach (string folder in (string[])[SentItems, Inbox])
        {
            await foreach (ReportMail mail in ReadFolderAsync(folder, since, cancellationToken).ConfigureAwait(false))
                yield return mail;
        }
    }

    /// <summary>The owner's address: the sender of their newest sent message (one small request, <c>$select=from</c>).</summary>
    public async Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken)
    {
        try
        {
            MessageCollectionResponse? newest = _options.UserId is { Length: > 0 } userId
                ? await _client.Users[userId].MailFolders[SentItems].Messages.GetAsync(r => (r.QueryParameters.Top, r.QueryParameters.Select, r.QueryParameters.Orderby) = (1, ["from"], ["sentDateTime desc"]), cancellationToken).ConfigureAwait(false)
                : await _client.Me.MailFolders[SentItems].Messages.GetAsync(r => (r.QueryParameters.Top, r.QueryParameters.Select, r.QueryParameters.Orderby) = (1, ["from"], ["sentDateTime desc"]), cancellationToken).ConfigureAwait(false);
            return newest?.Value?.FirstOrDefault()?.From?.EmailAddress?.Address;
        }
        catch (ApiException error)
        {
            throw Describe(SentItems, error);
        }
    }

    /// <summary>Stores the delta links of the last complete read, for the next run. Call after the report is safely stored.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_deltaLinks is null)
            return;
        foreach ((string? folder, DeltaLinkState? state) in _pending)
            await _deltaLinks.SaveAsync(_owner, folder, state, cancellationToken).ConfigureAwait(false);
        _pending.Clear();
    }

    private async IAsyncEnumerable<ReportMail> ReadFolderAsync(string folder, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DeltaLinkState? stored = _deltaLinks is null ? null : await _deltaLinks.GetAsync(_owner, folder, cancellationToken).ConfigureAwait(false);
        // The link returns what changed after its round began; it serves this report only when the
        // report starts at most MaxIncrementalGap before that (the rest was in the previous report).
        string? url = stored is not null && stored.SyncedAt - since <= _options.MaxIncrementalGap ? stored.Link : null;
        bool fromLink = url is not null;
        DateTimeOffset roundStarted = _time.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool sent = folder == SentItems;
        bool restartedFullRound = false;

        for (int pages = 0; ; pages++)
        {
            if (pages >= _options.MaxPages)
                throw new GraphReportSourceException($"Graph's {folder} delta did not end within {_options.MaxPages} pages.", isTransient: false);
            DeltaPage? page;
            try
            {
                page = await GetPageAsync(folder, url, since, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException error) when (error.ResponseStatusCode == 410 && (fromLink || !restartedFullRound))
            {
                // The sync state expired or must be reset (Graph: 410 syncStateNotFound / resyncRequired), on the
                // stored link or on a nextLink in the middle of a round: start over with a full round - once for a
                // full round (a second 410 there is a failure). Messages already seen this run are not yielded twice.
                if (!fromLink)
                    restartedFullRound = true;
                fromLink = false;
                url = null;
                roundStarted = _time.GetUtcNow();
                continue;
            }
            catch (ApiException error)
            {
                throw Describe(folder, error);
            }
            catch (HttpRequestException error)
            {
                throw new GraphReportSourceException($"Graph's {folder} delta could not be read: {error.Message}", isTransient: true, error);
            }
            catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new GraphReportSourceException($"Graph's {folder} delta did not answer in time.", isTransient: true, error);
            }
            if (page is null)
                throw new GraphReportSourceException($"Graph's {folder} delta answered with no body.", isTransient: true);

            foreach (Message message in page.Value ?? [])
            {
                if (message.Id is null)
                    continue;
                if (message.AdditionalData?.ContainsKey("@removed") == true)
                {
                    _removed.Add(message.Id);
                    continue;
                }
                if (!seen.Add(message.Id))
                    continue;
                ReportMail? mail = Map(message, sent);
                if (mail is null)
                {
                    Undated++;
                    continue;
                }
                // A changed old message (read, flagged, moved) comes back too: only the report's period counts.
                if (mail.Date >= since)
                    yield return mail;
            }

            if (page.OdataNextLink is { Length: > 0 } next)
            {
                url = next;
                continue;
            }
            if (page.OdataDeltaLink is { Length: > 0 } delta)
            {
                _pending[folder] = new DeltaLinkState(delta, roundStarted);
                _incremental[folder] = fromLink;
                yield break;
            }
            throw new GraphReportSourceException($"Graph's {folder} delta page had neither @odata.nextLink nor @odata.deltaLink.", isTransient: false);
        }
    }

    private Task<DeltaPage?> GetPageAsync(string folder, string? url, DateTimeOffset since, CancellationToken cancellationToken)
    {
        bool sent = folder == SentItems;
        // Delta on messages supports $select and a receivedDateTime ge filter on the first round only:
        // the next and delta links carry the state and must not get new query options.
        string[] select = sent && _options.ReadSentBodies ? [.. SentFields, "body"] : sent ? SentFields : ReceivedFields;
        string filter = "receivedDateTime ge " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        RequestInformation request;
        if (url is not null)
        {
            request = _client.Me.MailFolders[folder].Messages.Delta.WithUrl(url).ToGetRequestInformation(r => Prefer(r.Headers, sent));
        }
        else if (_options.UserId is { Length: > 0 } userId)
        {
            request = _client.Users[userId].MailFolders[folder].Messages.Delta.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = select;
                r.QueryParameters.Filter = filter;
                Prefer(r.Headers, sent);
            });
        }
        else
        {
            request = _client.Me.MailFolders[folder].Messages.Delta.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = select;
                r.QueryParameters.Filter = filter;
                Prefer(r.Headers, sent);
            });
        }
        return _client.RequestAdapter.SendAsync(request, DeltaPage.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken);
    }

    /// <summary>Page size, and for sent items the body as text (the engine reads text; no HTML conversion needed).</summary>
    private void Prefer(RequestHeaders headers, bool sent)
    {
        headers.Add("Prefer", "odata.maxpagesize=" + _options.PageSize.ToString(CultureInfo.InvariantCulture));
        if (sent && _options.ReadSentBodies)
            headers.Add("Prefer", "outlook.body-content-type=\"text\"");
    }

    private static ReportMail? Map(Message message, bool sent)
    {
        DateTimeOffset? date = sent ? message.SentDateTime ?? message.ReceivedDateTime : message.ReceivedDateTime ?? message.SentDateTime;
        Recipient? from = message.From ?? message.Sender;
        if (date is null || from?.EmailAddress?.Address is not { Length: > 0 })
            return null;
        return new ReportMail
        {
            Id = message.Id!,
            ConversationId = message.ConversationId,
            From = Address(from.EmailAddress)!,
            To = Addresses(message.ToRecipients),
            Cc = Addresses(message.CcRecipients),
            Bcc = Addresses(message.BccRecipients),
            Subject = message.Subject ?? "",
            Date = date.Value,
            Body = sent ? message.Body?.Content : null,
            BodyFormat = message.Body?.ContentType == BodyType.Html ? MailBodyFormat.Html : MailBodyFormat.Text,
        };
    }

    private static MailAddress? Address(GraphEmail? email) =>
        email?.Address is { Length: > 0 } address ? new MailAddress(email.Name, address) : null;

    private static MailAddress[] Addresses(List<Recipient>? recipients) =>
        (recipients ?? []).Select(r => Address(r.EmailAddress)).OfType<MailAddress>().ToArray();

    private static GraphReportSourceException Describe(string folder, ApiException error)
    {
        int status = error.ResponseStatusCode;
        string detail = error is ODataError { Error: { } odata } ? $"{odata.Code}: {odata.Message}" : error.Message;
        bool transient = status is 0 or 408 or 429 or 500 or 502 or 503 or 504;
        return new GraphReportSourceException($"Graph's {folder} delta failed with {status} ({OneLine(detail)}).", transient, error);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
