using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Api;

/// <summary>
/// Reads an answer's Server-Sent Events with <see cref="SseParser"/>. Its HttpClient opts out of
/// the standard resilience handler (<c>AddStreamingDefaults</c>): no 10-second attempt timeout
/// and no retry that would ask the model twice.
/// </summary>
public sealed class ChatStreamClient(HttpClient http)
{
    public async IAsyncEnumerable<ChatStreamEvent> AskAsync(
        string question,
        string conversationId,
        bool withReasoning,
        UserIdentity identity,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Post, $"{ChatbotApiClient.ChatbotPath}/ask_stream")
        {
            Content = JsonContent.Create(new { question, conversation_id = conversationId }),
        });
        request.Headers.Add("x-stream", "true");
        if (withReasoning)
        {
            request.Headers.Add("x-stream-level", "2");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChatApiException(await ProblemMessageAsync(response, cancellationToken));
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            using var json = JsonDocument.Parse(item.Data);
            var data = json.RootElement.Clone();
            yield return new ChatStreamEvent(
                data.GetProperty("type").GetString() ?? item.EventType,
                long.TryParse(item.EventId, out var sequence) ? sequence : 0,
                data);
        }
    }

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
