using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace OutreachAdvisor.Graph;

/// <summary>
/// The Graph requests the mailbox makes, built with the SDK's request builders so that the same
/// <see cref="RequestInformation"/> can be sent alone or as a step of a JSON batch.
/// </summary>
internal sealed class GraphQueries(GraphServiceClient client, GraphMailboxOptions options)
{
    /// <summary>
    /// Header fields only: enough to count messages and join threads. Never body, bodyPreview or
    /// uniqueBody, which is also why <c>Mail.ReadBasic</c> is enough for the filters.
    /// </summary>
    public static readonly string[] MessageFields =
        ["id", "conversationId", "from", "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime"];

    /// <summary>
    /// Turns the SDK's own RetryHandler off for our requests: it reads Retry-After as an integer only
    /// (Graph sends fractional seconds like 2.128, which it replaces by its 3 s default) and does not know
    /// our overall budget. <see cref="GraphSender"/> retries instead.
    /// </summary>
    private static RetryHandlerOption NoSdkRetry() => new() { MaxRetry = 0 };

    /// <summary><c>GET /me/messages?$filter=from/emailAddress/address eq '...'</c> (all folders).</summary>
    public RequestInformation ReceivedFrom(string address) =>
        client.Me.Messages.ToGetRequestInformation(request =>
        {
            request.QueryParameters.Filter = $"from/emailAddress/address eq {ODataString(address)}";
            request.QueryParameters.Select = MessageFields;
            request.QueryParameters.Top = options.MaxMessagesPerQuery;
            request.Options.Add(NoSdkRetry());
        });

    /// <summary><c>GET /me/mailFolders/sentitems/messages</c> with a To filter or a recipients search.</summary>
    public RequestInformation SentTo(string address) =>
        client.Me.MailFolders["sentitems"].Messages.ToGetRequestInformation(request =>
        {
            if (options.SentItemsQuery == SentItemsQuery.RecipientsSearch)
                request.QueryParameters.Search = $"\"recipients:{KqlValue(address)}\"";
            else
                request.QueryParameters.Filter = $"toRecipients/any(r:r/emailAddress/address eq {ODataString(address)})";
            request.QueryParameters.Select = MessageFields;
            request.QueryParameters.Top = options.MaxMessagesPerQuery;
            request.Options.Add(NoSdkRetry());
        });

    /// <summary>The page an <c>@odata.nextLink</c> points to (it already carries the filter and select).</summary>
    public RequestInformation NextPage(string nextLink) =>
        client.Me.Messages.WithUrl(nextLink).ToGetRequestInformation(request => request.Options.Add(NoSdkRetry()));

    /// <summary><c>GET /me/contacts?$filter=emailAddresses/any(a:a/address eq '...')&amp;$select=id&amp;$top=1</c>.</summary>
    public RequestInformation ContactsWith(string address) =>
        client.Me.Contacts.ToGetRequestInformation(request =>
        {
            // The only filter Graph documents on emailAddresses: any + eq on the address sub-property.
            request.QueryParameters.Filter = $"emailAddresses/any(a:a/address eq {ODataString(address)})";
            request.QueryParameters.Select = ["id"];
            request.QueryParameters.Top = 1;
            request.Options.Add(NoSdkRetry());
        });

    /// <summary><c>GET /organization?$select=verifiedDomains</c>.</summary>
    public RequestInformation Organization() =>
        client.Organization.ToGetRequestInformation(request =>
        {
            request.QueryParameters.Select = ["verifiedDomains"];
            request.Options.Add(NoSdkRetry());
        });

    /// <summary>An OData string literal: single quotes doubled, so o'brien@x.example cannot end the literal early.</summary>
    internal static string ODataString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A value inside the quoted KQL term: double quotes and backslashes would end or escape the term,
    /// and no real address needs them, so they are dropped.
    /// </summary>
    internal static string KqlValue(string value) => value.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
}
