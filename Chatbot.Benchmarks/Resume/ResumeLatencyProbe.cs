using Chatbot.ApiService.Runs;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// Resume latency, one resume at a time: start a resumable run, read its first
/// <paramref name="dropAfter"/> events and drop the connection, then time
/// <c>GET ask_stream/{runId}</c> with <c>Last-Event-ID</c> to the first replayed event.
/// A live run is resumed <paramref name="reconnectDelay"/> after the drop: resumed at once, its
/// first missed event would often not have been produced yet, and the wait for the model's next
/// token would be measured instead of the replay.
/// </summary>
public sealed class ResumeLatencyProbe(ResumeClient client, StreamTarget target, RunStateReader states, int dropAfter, TimeSpan reconnectDelay, int expectedTokens)
{
    public const string LiveCase = "live";
    public const string CompletedCase = "completed";

    private static readonly TimeSpan RunTimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Resumes each run while it still produces, and stops it after its first replayed
    /// event: a cancel answered 202 proves it was still running, and no run is left to load the
    /// next sample.
    /// </summary>
    public async Task<ResumeLatencyResult> LiveAsync(int count, string tag)
    {
        var outcomes = new List<ResumeOutcome>();
        var confirmed = 0;
        for (var user = 0; user < count; user++)
        {
            var (run, failure) = await StartAndDropAsync($"{tag}-{user}", user);
            if (run is null)
            {
                outcomes.Add(failure);
                continue;
            }
            await Task.Delay(reconnectDelay);
            outcomes.Add(await client.ResumeAsync(target, run, user, readToEnd: false));
            confirmed += await client.CancelAsync(target, run.RunId, user) ? 1 : 0;
        }
        return new ResumeLatencyResult(LiveCase, outcomes, confirmed);
    }

    /// <summary>
    /// Drops every run first, waits until each has completed in the store, then resumes each and
    /// reads it to the end, checking that every token arrived once.
    /// </summary>
    public async Task<ResumeLatencyResult> CompletedAsync(int count, string tag)
    {
        var outcomes = new List<ResumeOutcome>();
        var dropped = new List<(int User, DroppedRun Run)>();
        for (var user = 0; user < count; user++)
        {
            var (run, failure) = await StartAndDropAsync($"{tag}-{user}", user);
            if (run is null)
            {
                outcomes.Add(failure);
                continue;
            }
            dropped.Add((user, run));
        }
        var confirmed = 0;
        foreach (var (user, run) in dropped)
        {
            confirmed += await states.WaitUntilEndedAsync(run.RunId, RunTimeLimit) == RunState.Completed ? 1 : 0;
        }
        foreach (var (user, run) in dropped)
        {
            outcomes.Add(WithTokenCheck(await client.ResumeAsync(target, run, user, readToEnd: true), run));
        }
        return new ResumeLatencyResult(CompletedCase, outcomes, confirmed);
    }

    private async Task<(DroppedRun? Run, ResumeOutcome Failure)> StartAndDropAsync(string conversationId, int user)
    {
        try
        {
            return (await client.StartAndDropAsync(target, conversationId, user, dropAfter), default);
        }
        catch (Exception exception) when (exception is ChatStreamException or HttpRequestException or IOException or InvalidOperationException or OperationCanceledException)
        {
            return (null, ResumeOutcome.Failed($"start: {exception.GetType().Name}"));
        }
    }

    private ResumeOutcome WithTokenCheck(ResumeOutcome outcome, DroppedRun run) =>
        !outcome.Succeeded || run.TokensSeen + outcome.Tokens == expectedTokens
            ? outcome
            : ResumeOutcome.Failed($"{run.TokensSeen} + {outcome.Tokens} tokens, expected {expectedTokens}");
}
