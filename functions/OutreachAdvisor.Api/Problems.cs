using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace OutreachAdvisor.Api;

/// <summary>An RFC 9457 problem+json body; <see cref="Errors"/> names the offending fields.</summary>
public sealed record Problem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);

public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static Problem BadRequest(string field, string detail) =>
        new("https://httpstatuses.io/400", "The request is not valid.", StatusCodes.Status400BadRequest, $"{field}: {detail}", new Dictionary<string, string[]> { [field] = [detail] });

    public static Problem TooLarge(int limit) =>
        new("https://httpstatuses.io/413", "The request is too large.", StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit:N0} bytes.");

    public static Problem UnsupportedMediaType(string? contentType) =>
        new("https://httpstatuses.io/415", "Unsupported media type.", StatusCodes.Status415UnsupportedMediaType, $"Send application/json, not '{contentType ?? "nothing"}'.");

    public static Problem Unauthorized(string detail) =>
        new("https://httpstatuses.io/401", "Sign-in required.", StatusCodes.Status401Unauthorized, detail);

    public static Problem NotFound(string detail) =>
        new("https://httpstatuses.io/404", "Not found.", StatusCodes.Status404NotFound, detail);

    public static async Task WriteAsync(HttpResponse response, Problem problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(response.Body, problem, ApiJsonContext.Default.Problem, cancellationToken).ConfigureAwait(false);
    }
}
