using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>
/// A deterministic local model for running without credentials. It decides tool calls from the
/// question (<see cref="OfflinePlanner"/>), explains its decision as reasoning, and writes its
/// answer from the tool results (<see cref="OfflineAnswerWriter"/>), streamed in word pieces.
/// </summary>
public sealed class OfflineChatClient(OfflineModelOptions options) : IChatClient
{
    public const string ModelId = "chatbot-offline";

    private static readonly ChatClientMetadata Metadata = new("offline", defaultModelId: ModelId);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? chatOptions = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = OfflineConversation.Read(messages);
        var plan = OfflinePlanner.Plan(conversation, chatOptions?.Tools ?? []);
        if (plan is not null)
        {
            if (plan.Reasoning.Length > 0)
            {
                yield return Update(new TextReasoningContent(plan.Reasoning));
            }
            yield return new ChatResponseUpdate(ChatRole.Assistant, [.. plan.Calls]) { ModelId = ModelId };
            yield return Update(Usage(conversation, plan.Reasoning.Length));
            yield break;
        }

        var answer = OfflineAnswerWriter.Write(conversation);
        foreach (var piece in WordPieces.Split(answer))
        {
            if (options.TokenDelayMs > 0)
            {
                await Task.Delay(options.TokenDelayMs, cancellationToken);
            }
            cancellationToken.ThrowIfCancellationRequested();
            yield return Update(new TextContent(piece));
        }
        yield return Update(Usage(conversation, answer.Length));
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static ChatResponseUpdate Update(AIContent content) => new(ChatRole.Assistant, [content]) { ModelId = ModelId };

    /// <summary>Rough token counts (four characters a token), so usage is never empty.</summary>
    private static UsageContent Usage(OfflineConversation conversation, int outputCharacters) => new(new UsageDetails
    {
        InputTokenCount = conversation.Characters / 4 + 1,
        OutputTokenCount = outputCharacters / 4 + 1,
    });
}
