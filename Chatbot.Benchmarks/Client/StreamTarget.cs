using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Endpoints;
using Chatbot.Benchmarks.Baseline;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One server to stream from, and how a request to it looks: the question, a new conversation,
/// and the gateway's headers for one of many users (each virtual user is its own user, as the
/// API's per-user limits and memory expect). A <see cref="Resumable"/> target asks the API to
/// journal each run so that it can be resumed by its run id.
/// </summary>
public sealed record StreamTarget(string Name, Uri Uri, string Question, IReadOnlyDictionary<string, string> Headers, bool EndsWithComplete)
{
    public const string ApiName = "api";
    public const string ResumableApiName = "api-resumable";
    public const string BaselineName = "baseline";
    public const string AskStreamPath = "/api/v1/chatbot/ask_stream";

    public static readonly string UserHeader = IdentityHeaders.Name(IdentityHeaders.UserId);

    /// <summary>Its answers must come back journaled (<c>X-Stream-Resumable: true</c>); one that does not is an error.</summary>
    public bool Resumable { get; init; }

    public static StreamTarget Api(string baseUrl, string question, string gatewaySecret) => new(ApiName, new Uri(baseUrl + AskStreamPath), question,
        new Dictionary<string, string>(BenchmarkQuestion.IdentityHeaders) { [StreamHeaders.Stream] = "true", [ApiServer.GatewaySecretHeader] = gatewaySecret },
        EndsWithComplete: true);

    public static StreamTarget Baseline(string baseUrl, string question) =>
        new(BaselineName, new Uri(baseUrl + BaselineServer.StreamPath), question, new Dictionary<string, string>(), EndsWithComplete: false);

    /// <summary>The same API target, asking for resumable streams (<c>x-stream-resumable: true</c>).</summary>
    public StreamTarget AsResumable() => this with
    {
        Name = ResumableApiName,
        Headers = new Dictionary<string, string>(Headers) { [StreamHeaders.Resumable] = "true" },
        Resumable = true,
    };

    /// <summary>A new conversation per request, as a user opening a fresh chat.</summary>
    public HttpRequestMessage CreateRequest(string conversationId, int user)
    {
        var body = JsonSerializer.Serialize(new { question = Question, conversation_id = conversationId });
        var request = new HttpRequestMessage(HttpMethod.Post, Uri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return WithHeaders(request, user);
    }

    /// <summary><c>GET ask_stream/{runId}</c> with <c>Last-Event-ID</c>: the events after <paramref name="after"/>.</summary>
    public HttpRequestMessage CreateResumeRequest(string runId, long after, int user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, RunUri(runId));
        request.Headers.TryAddWithoutValidation(StreamHeaders.LastEventId, after.ToString());
        return WithHeaders(request, user);
    }

    /// <summary><c>POST ask_stream/{runId}/cancel</c>.</summary>
    public HttpRequestMessage CreateCancelRequest(string runId, int user) =>
        WithHeaders(new HttpRequestMessage(HttpMethod.Post, RunUri(runId) + "/cancel"), user);

    private string RunUri(string runId) => $"{Uri.AbsoluteUri}/{Uri.EscapeDataString(runId)}";

    private HttpRequestMessage WithHeaders(HttpRequestMessage request, int user)
    {
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.Remove(UserHeader);
        request.Headers.TryAddWithoutValidation(UserHeader, $"bench-user-{user}");
        return request;
    }
}
