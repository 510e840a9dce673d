using Chatbot.Benchmarks.Hosting;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One server to stream from, and how a request to it looks: the question, a new conversation,
/// and the gateway's headers for one of many users (each virtual user is its own user, as the
/// API's per-user limits and memory expect). A <see cref="Resumable"/> target asks the API to
/// journal each run so that it can be resumed by its run id.
/// </summary>
public sealed record StreamTarget(string Name, Uri BaseUri, string Question, IReadOnlyDictionary<string, string> Headers, bool EndsWithComplete)
{
    public const string ApiName = "api";
    public const string ResumableApiName = "api-resumable";
    public const string BaselineName = "baseline";

    public static readonly string UserHeader = IdentityHeaders.Name(IdentityHeaders.UserId);

    /// <summary>Its answers must come back journaled (<c>X-Stream-Resumable: true</c>); one that does not is an error.</summary>
    public bool Resumable { get; init; }

    public static StreamTarget Api(string baseUrl, string question, string gatewaySecret) => new(ApiName, new Uri(baseUrl), question,
        new Dictionary<string, string>(BenchmarkQuestion.IdentityHeaders) { [ApiServer.GatewaySecretHeader] = gatewaySecret },
        EndsWithComplete: true);

    public static StreamTarget Baseline(string baseUrl, string question) =>
        new(BaselineName, new Uri(baseUrl), question, new Dictionary<string, string>(), EndsWithComplete: false);

    /// <summary>The same API target, asking for resumable streams (<c>x-stream-resumable: true</c>).</summary>
    public StreamTarget AsResumable() => this with { Name = ResumableApiName, Resumable = true };

    /// <summary>The question in a new conversation, as a user opening a fresh chat; the server's default level.</summary>
    public AskStreamRequest Ask(string conversationId) => new(Question, conversationId) { Resumable = Resumable };

    /// <summary>Every request of a stream sent to this target as virtual user <paramref name="user"/>.</summary>
    public StreamCallOptions As(int user, IStreamObserver? observer = null) => new() { Prepare = request => Address(request, user), Observer = observer };

    /// <summary>Points a request at this server with the target's headers, as virtual user <paramref name="user"/>.</summary>
    public void Address(HttpRequestMessage request, int user)
    {
        request.RequestUri = new Uri(BaseUri, request.RequestUri!.OriginalString);
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.Remove(UserHeader);
        request.Headers.TryAddWithoutValidation(UserHeader, $"bench-user-{user}");
    }
}
