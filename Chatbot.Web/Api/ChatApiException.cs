using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Web.Api;

/// <summary>The API refused or failed a question; the message is safe to show.</summary>
public sealed class ChatApiException(string message) : Exception(message)
{
    /// <summary>The problem document's validation errors or detail, else the status.</summary>
    public static async Task<ChatApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.TryGetProperty("errors", out var errors))
            {
                return new(string.Join(" ", errors.EnumerateObject().SelectMany(error => error.Value.EnumerateArray().Select(message => message.GetString()))));
            }
            if (problem.TryGetProperty("detail", out var detail))
            {
                return new(detail.GetString() ?? response.ReasonPhrase ?? "The request failed.");
            }
        }
        catch (JsonException)
        {
            // Not a problem document: fall through to the status.
        }
        return new($"The assistant answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}
