using System.Threading.Channels;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Starts runs whose client opted in to resuming: detached from the request (only a stop request
/// or the budget ends them), journaled in the run store, and streamed live from the journal.
/// </summary>
public sealed class ResumableRuns(
    IRunStore store,
    RunCancellations cancellations,
    ChatTurnRunner runner,
    IOptions<ResumableRunOptions> options,
    ILogger<ResumableRuns> logger)
{
    public const string ResumableHeader = "x-stream-resumable";

    public bool IsRequested(HttpRequest request) =>
        options.Value.Enabled
        && string.Equals(request.Headers[ResumableHeader].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The live events of the started run, or null when the store could not take it: the caller
    /// then streams the run the ordinary way (a store outage never stops a chat).
    /// </summary>
    public async Task<ChannelReader<StreamEvent>?> TryStartAsync(ChatTurn turn, RunEventSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await store.CreateAsync(RunRecord.Started(turn.RunId, turn.ConversationId, turn.Identity.Owner), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Run {RunId} is not resumable: the {Store} run store did not take it", turn.RunId, store.Name);
            return null;
        }
        var stop = cancellations.Register(turn.RunId);
        var journal = new RunJournal(turn.RunId, sink.Reader, store, () => cancellations.Cancel(turn.RunId), options.Value.Lease, logger);
        _ = RunAsync(turn, sink, journal, stop);
        return journal.Live;
    }

    private async Task RunAsync(ChatTurn turn, RunEventSink sink, RunJournal journal, CancellationToken stop)
    {
        try
        {
            await Task.WhenAll(runner.StartAsync(turn, sink, stop), journal.RunAsync());
        }
        finally
        {
            cancellations.Remove(turn.RunId);
        }
    }
}
