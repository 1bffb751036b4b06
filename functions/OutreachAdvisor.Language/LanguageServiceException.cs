namespace OutreachAdvisor.Language;

/// <summary>
/// The one exception the Language client throws: an HTTP error, a per-document error,
/// an unreadable response, a timeout or a network failure. The message never contains the analysed text.
/// </summary>
public sealed class LanguageServiceException : Exception
{
    /// <summary>Error codes this client uses when the service did not give one.</summary>
    public static class Codes
    {
        public const string Timeout = "Timeout";
        public const string NetworkError = "NetworkError";
        public const string InvalidResponse = "InvalidResponse";
        public const string MissingDocumentResult = "MissingDocumentResult";
    }

    public LanguageServiceException()
        : this("The Language service call failed.")
    {
    }

    public LanguageServiceException(string message)
        : base(message)
    {
    }

    public LanguageServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public LanguageServiceException(
        int status, string? errorCode, string message, string? innerErrorCode = null, string? documentId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        InnerErrorCode = innerErrorCode;
        DocumentId = documentId;
    }

    /// <summary>The HTTP status of the response, or 0 when there was none (timeout, network error).</summary>
    public int Status { get; }

    /// <summary><c>error.code</c> of the documented <c>ErrorResponse</c> (e.g. <c>InvalidRequest</c>,
    /// <c>Unauthorized</c>, <c>TooManyRequests</c>), the <c>x-ms-error-code</c> header, or one of <see cref="Codes"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.innererror.code</c> (e.g. <c>InvalidDocumentBatch</c>, <c>UnsupportedLanguageCode</c>), when given.</summary>
    public string? InnerErrorCode { get; }

    /// <summary>The document id, when the error is a per-document error of a successful response.</summary>
    public string? DocumentId { get; }
}
