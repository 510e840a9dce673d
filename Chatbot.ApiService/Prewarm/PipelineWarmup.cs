using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Agents;
using Chatbot.Contracts.Identity;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Runs one answer per specialist through everything a streamed request touches, in process and
/// on a throwaway offline runtime (the configured model is never called, nothing is stored): the
/// body read and validated as <c>ask_stream</c> reads it, the identity headers, the event
/// selection, the agent team and that specialist's tools, the sink, and
/// <see cref="SseStreamResult"/> writing frames into a response that goes nowhere. So the first
/// real request finds this code compiled, whichever specialist it goes to.
/// </summary>
public sealed class PipelineWarmup(
    AgentRuntimeFactory factory,
    IServiceProvider services,
    ChatTurnRunner runner,
    QuestionRequestReader requests,
    IOptions<StreamingOptions> streaming,
    IOptions<ResumableRunOptions> runs,
    ILogger<PipelineWarmup> logger)
{
    public const string WarmupConversation = "prewarm";

    /// <summary>One question for each specialist: finance, knowledge, portfolio.</summary>
    public static readonly string[] WarmupQuestions =
    [
        "What is the payback of a 100000 EUR investment saving 15000 EUR a year?",
        "What is solar PV?",
        "How are my assets doing?",
    ];

    /// <summary>Returns how many events went through.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var runtime = factory.Create(ModelPipelines.Over(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 }), services));
        var frames = 0;
        for (var i = 0; i < WarmupQuestions.Length; i++)
        {
            var journaled = i == WarmupQuestions.Length - 1;
            frames += await AnswerAsync(runtime, WarmupQuestions[i], journaled, cancellationToken);
        }
        return frames;
    }

    /// <summary>A <paramref name="journaled"/> answer goes through a resumable run's journal, on a throwaway in-process store.</summary>
    private async Task<int> AnswerAsync(AgentRuntime runtime, string question, bool journaled, CancellationToken cancellationToken)
    {
        var context = WarmupRequest(question, cancellationToken);
        var (request, problem) = await requests.ReadAsync(context.Request, cancellationToken);
        if (problem is not null || request?.Question is null)
        {
            throw new InvalidOperationException("The warm-up question did not pass the request reader.");
        }
        var identity = IdentityHeaderReader.Read(context.Request.Headers).Identity!;
        var selection = StreamEventSelection.FromRequest(context.Request.Headers, streaming.Value);
        var turn = new ChatTurn(request.Question, request.ConversationId ?? WarmupConversation, identity);

        var sink = new RunEventSink(selection);
        var producer = runner.ProduceAsync(runtime, turn, sink, warmup: true, cancellationToken);
        var heartbeat = TimeSpan.FromSeconds(streaming.Value.HeartbeatSeconds);
        var journal = journaled ? new RunJournal(turn.RunId, sink.Reader, await WarmupStoreAsync(turn), () => { }, runs.Value, TimeProvider.System, logger) : null;
        var journaling = journal?.RunAsync() ?? Task.CompletedTask;
        await new SseStreamResult(journal?.Live ?? sink.Reader, heartbeat, turn.RunId, turn.ConversationId).ExecuteAsync(context);
        await producer;
        await journaling;
        return CountFrames((MemoryStream)context.Response.Body);
    }

    private async Task<InProcessRunStore> WarmupStoreAsync(ChatTurn turn)
    {
        var store = new InProcessRunStore(new RunCancellations(), runs, TimeProvider.System);
        await store.CreateAsync(RunRecord.Started(turn.RunId, turn.ConversationId, turn.Identity.Owner, DateTimeOffset.UtcNow), CancellationToken.None);
        return store;
    }

    private static DefaultHttpContext WarmupRequest(string question, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new QuestionRequest(question, WarmupConversation), JsonSerializerOptions.Web);
        var context = new DefaultHttpContext { RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers[AskStreamEndpoint.StreamHeader] = "true";
        context.Request.Headers[StreamEventSelection.LevelHeader] = "2";
        context.Request.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)] = WarmupConversation;
        // Sees every asset, so the portfolio answer runs its whole path.
        context.Request.Headers[IdentityHeaders.Name(IdentityHeaders.Role)] = AltecoContext.SuperAdminRole;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static int CountFrames(MemoryStream body) =>
        Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
}
