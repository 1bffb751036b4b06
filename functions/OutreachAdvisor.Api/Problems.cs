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

    public static Problem TooManyRequests(int perMinute, int retryAfterSeconds) =>
        new("https://httpstatuses.io/429", "Too many requests.", StatusCodes.Status429TooManyRequests,
            $"At most {perMinute} requests a minute per user on this route; try again in {retryAfterSeconds} s.");

    public static Problem HostNotAllowed() =>
        new("https://httpstatuses.io/400", "The request is not valid.", StatusCodes.Status400BadRequest,
            "The Host header names a host this server does not answer for.",
            new Dictionary<string, string[]> { ["Host"] = ["is not a host this server answers for"] });

    public static Problem ResponseTooLarge(int limit) =>
        new("https://httpstatuses.io/500", "The answer was too large.", StatusCodes.Status500InternalServerError,
            $"The response would be larger than {limit:N0} bytes, this route's limit.");

    public static Problem NotFound(string detail) =>
        new("https://httpstatuses.io/404", "Not found.", StatusCodes.Status404NotFound, detail);

    public static async Task WriteAsync(HttpResponse response, Problem problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(response.Body, problem, ApiJsonContext.Default.Problem, cancellationToken).ConfigureAwait(false);
    }
}
