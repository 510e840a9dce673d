using System.Text;
using System.Text.Json;
using Chatbot.Benchmarks.Baseline;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One server to stream from, and how a request to it looks: the question, a new conversation,
/// and the gateway's headers for one of many users (each virtual user is its own user, as the
/// API's per-user limits and memory expect).
/// </summary>
public sealed record StreamTarget(string Name, Uri Uri, string Question, IReadOnlyDictionary<string, string> Headers, bool EndsWithComplete)
{
    public const string ApiName = "api";
    public const string BaselineName = "baseline";
    public const string AskStreamPath = "/api/v1/chatbot/ask_stream";

    public const string UserHeader = "alteco-user-id";

    public static StreamTarget Api(string baseUrl, string question, string gatewaySecret) => new(ApiName, new Uri(baseUrl + AskStreamPath), question,
        new Dictionary<string, string>(BenchmarkQuestion.IdentityHeaders) { ["x-stream"] = "true", [ApiServer.GatewaySecretHeader] = gatewaySecret },
        EndsWithComplete: true);

    public static StreamTarget Baseline(string baseUrl, string question) =>
        new(BaselineName, new Uri(baseUrl + BaselineServer.StreamPath), question, new Dictionary<string, string>(), EndsWithComplete: false);

    /// <summary>A new conversation per request, as a user opening a fresh chat.</summary>
    public HttpRequestMessage CreateRequest(string conversationId, int user)
    {
        var body = JsonSerializer.Serialize(new { question = Question, conversation_id = conversationId });
        var request = new HttpRequestMessage(HttpMethod.Post, Uri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.Remove(UserHeader);
        request.Headers.TryAddWithoutValidation(UserHeader, $"bench-user-{user}");
        return request;
    }
}
