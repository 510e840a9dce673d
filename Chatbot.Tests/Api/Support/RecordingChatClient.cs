using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// Stands in for a remote model: answers like the offline model, records what each call was
/// given, and when the caller's cancellation arrived. Optional hooks make it slow or fail.
/// </summary>
public sealed class RecordingChatClient(int tokenDelayMs = 0) : DelegatingChatClient(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = tokenDelayMs }))
{
    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Calls { get; } = new();

    /// <summary>The names of the tools each call offered, in call order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> ToolsOffered { get; } = new();

    public TaskCompletionSource<DateTimeOffset> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FirstTokenSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, the answer's first token waits until the test releases it.</summary>
    public TaskCompletionSource? FirstTokenGate { get; init; }

    /// <summary>
    /// When set, the answer stops after its first token until the call is cancelled, so a test
    /// that stops a run is sure to find the model call in flight however slow the machine is.
    /// </summary>
    public bool HoldAfterFirstToken { get; init; }

    /// <summary>Thrown after the first token of an answer when set.</summary>
    public Exception? FailAfterFirstToken { get; init; }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Enqueue(list);
        ToolsOffered.Enqueue([.. (options?.Tools ?? []).Select(tool => tool.Name)]);
        using var registration = cancellationToken.Register(() => Cancelled.TrySetResult(DateTimeOffset.UtcNow));
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            if (FirstTokenGate is not null && update.Contents.OfType<TextContent>().Any())
            {
                await FirstTokenGate.Task.WaitAsync(cancellationToken);
            }
            yield return update;
            if (update.Contents.OfType<TextContent>().Any())
            {
                FirstTokenSent.TrySetResult();
                if (FailAfterFirstToken is { } failure)
                {
                    throw failure;
                }
                if (HoldAfterFirstToken)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
            }
        }
    }
}
