using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Contracts.Streams;

/// <summary>Why an answer's stream could not be had.</summary>
public enum StreamFailure
{
    /// <summary>The API answered the question or a resume with an error status; the message is its problem's.</summary>
    Refused,

    /// <summary>The API has nothing to resume (204): the run is unknown, expired, or was read to its end.</summary>
    NotResumable,

    /// <summary>The connection broke and could not be resumed within the policy's budget.</summary>
    Lost,
}

/// <summary>The API refused a stream, or it was lost; the message is safe to show a user.</summary>
public sealed class ChatStreamException(StreamFailure failure, string message, HttpStatusCode? statusCode = null) : Exception(message)
{
    public const string NotResumableMessage = "The answer could not be resumed; please ask again.";
    public const string LostMessage = "The connection to the assistant was lost.";

    public StreamFailure Failure => failure;

    /// <summary>What the API answered, when it answered.</summary>
    public HttpStatusCode? StatusCode => statusCode;

    public static ChatStreamException Lost() => new(StreamFailure.Lost, LostMessage);

    public static ChatStreamException NotResumable() => new(StreamFailure.NotResumable, NotResumableMessage, HttpStatusCode.NoContent);

    /// <summary>The problem document's validation errors or detail, else the status.</summary>
    public static async Task<ChatStreamException> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(StreamFailure.Refused, await ProblemMessageAsync(response, cancellationToken), response.StatusCode);

    private static async Task<string> ProblemMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.TryGetProperty("errors", out var errors))
            {
                return string.Join(" ", errors.EnumerateObject().SelectMany(error => error.Value.EnumerateArray().Select(message => message.GetString())));
            }
            if (problem.TryGetProperty("detail", out var detail))
            {
                return detail.GetString() ?? response.ReasonPhrase ?? "The request failed.";
            }
        }
        catch (JsonException)
        {
            // Not a problem document: fall through to the status.
        }
        return $"The assistant answered {(int)response.StatusCode} {response.ReasonPhrase}.";
    }
}
