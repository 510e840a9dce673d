using System.IO.Pipelines;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Rehearses one answer per specialist through the path every question takes
/// (<see cref="AnswerCoordinator"/>: ownership check, open-answer limit, the run journal, the
/// agent team and that specialist's tools, the sink, SSE frames), on a throwaway offline runtime:
/// the configured model is never called and no memory is read or stored. So the first real
/// question finds this code compiled, whichever specialist it goes to.
/// </summary>
public sealed class PipelineWarmup(AgentRuntimeFactory factory, AnswerCoordinator answers, IServiceProvider services)
{
    public const string WarmupConversation = "prewarm";

    /// <summary>One question for each specialist: finance, knowledge, portfolio.</summary>
    public static readonly string[] WarmupQuestions =
    [
        "What is the payback of a 100000 EUR investment saving 15000 EUR a year?",
        "What is solar PV?",
        "How are my assets doing?",
    ];

    /// <summary>Sees every asset, so the portfolio answer runs its whole path.</summary>
    private static readonly AltecoContext Rehearser = new() { UserId = WarmupConversation, Role = AltecoContext.SuperAdminRole };

    /// <summary>Returns how many events went through.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var runtime = factory.Create(ModelPipelines.Over(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 }), services));
        var frames = 0;
        for (var i = 0; i < WarmupQuestions.Length; i++)
        {
            // The last goes through a resumable run's journal too.
            var command = new AskCommand(WarmupQuestions[i], $"{WarmupConversation}-{Guid.NewGuid():N}", Rehearser,
                StreamEventSelection.Everything, Resumable: i == WarmupQuestions.Length - 1);
            var start = await answers.RehearseAsync(command, runtime, cancellationToken);
            frames += await WriteFramesAsync(start, cancellationToken);
        }
        return frames;
    }

    /// <summary>Writes the answer as the response would, into a pipe nobody reads.</summary>
    private static async Task<int> WriteFramesAsync(AnswerStart start, CancellationToken cancellationToken)
    {
        if (start.Events is null)
        {
            throw new InvalidOperationException($"The warm-up question was refused ({start.Status}).");
        }
        // Never paused: a warm-up answer is a few kilobytes.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var writer = new SseFrameWriter(pipe.Writer);
        var frames = 0;
        await foreach (var streamEvent in start.Events.ReadAllAsync(cancellationToken))
        {
            writer.Write(streamEvent);
            await pipe.Writer.FlushAsync(cancellationToken);
            frames++;
        }
        await pipe.Writer.CompleteAsync();
        await pipe.Reader.CompleteAsync();
        return frames;
    }
}
