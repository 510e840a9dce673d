using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Util;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// Any Bedrock model (Amazon Nova, Meta Llama, Mistral, Anthropic, ...) through Bedrock's Converse
/// API, streamed with ConverseStream: text, tool use, reasoning, usage and stop reasons.
/// Hand-written because AWSSDK.BedrockRuntime is not on our package mirror: the official
/// <c>AmazonBedrockRuntimeClient</c> with <c>AsIChatClient()</c> (AWSSDK.Extensions.Bedrock.MEAI)
/// replaces this folder when it is. AWSSDK.Core already does the AWS parts (credentials, SigV4,
/// event-stream framing); only the mapping of requests and events is ours.
/// </summary>
public sealed class ConverseChatClient(HttpClient http, BedrockRequestSigner signer, ConverseSettings settings) : IChatClient
{
    public const string ResourcePath = "/model/{modelId}/converse-stream";
    private const string ModelIdLabel = "{modelId}";
    private const string JsonContentType = "application/json";
    private const string EventStreamContentType = "application/vnd.amazon.eventstream";

    private readonly ChatClientMetadata _metadata = new("aws.bedrock", settings.Runtime, settings.ModelId);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modelId = options?.ModelId ?? settings.ModelId;
        var body = ConverseRequestBody.Create(messages, options, settings with { ModelId = modelId });
        using var response = await SendAsync(modelId, body, cancellationToken);
        var reader = new ConverseStreamReader(modelId, RequestIdOf(response));
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var message in ConverseEventStream.ReadAsync(stream, cancellationToken))
        {
            if (reader.Read(message) is { } update)
            {
                yield return update;
            }
        }
        reader.EnsureStopped();
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HttpClient is the process's model client, shared with prewarm.
    }

    private async Task<HttpResponseMessage> SendAsync(string modelId, JsonObject body, CancellationToken cancellationToken)
    {
        var pathResources = new Dictionary<string, string> { [ModelIdLabel] = modelId };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(pathResources)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        request.Headers.Accept.ParseAdd(EventStreamContentType);
        await signer.SignAsync(request, settings.Runtime, ResourcePath, pathResources, JsonContentType, bytes);

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ConverseErrors.FromResponseAsync(response, cancellationToken);
        }
    }

    /// <summary>The model id is one path segment, percent-encoded as the AWS SDKs do (':' becomes %3A).</summary>
    private Uri RequestUri(IDictionary<string, string> pathResources) =>
        new(settings.Runtime.AbsoluteUri.TrimEnd('/') + AWSSDKUtils.ResolveResourcePathV2(ResourcePath, pathResources));

    private static string RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.First() : Guid.NewGuid().ToString("N");
}
