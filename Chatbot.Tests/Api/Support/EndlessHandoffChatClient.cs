using System.Runtime.CompilerServices;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// A model whose manager never finishes: every manager turn hands the question to the first
/// specialist again, and every specialist answers with <see cref="Answer"/>.
/// </summary>
public sealed class EndlessHandoffChatClient : IChatClient
{
    public const string Answer = "Another part.";

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var handoff = options?.Tools?.FirstOrDefault(tool => tool.Name.StartsWith(ToolNames.HandoffPrefix, StringComparison.Ordinal));
        yield return handoff is null
            ? new ChatResponseUpdate(ChatRole.Assistant, Answer)
            : new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent(Guid.NewGuid().ToString("N"), handoff.Name)]);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
