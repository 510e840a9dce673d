using Chatbot.Web.Api;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Chat;

/// <summary>
/// Asks the API to cancel a run, best effort: the run outlives the page's connection, so it is cancelled
/// where it runs, but the page never waits on an API that does not answer.
/// </summary>
public sealed class RunCanceller(ChatbotApiClient api, UserIdentity identity, ILogger logger)
{
    /// <summary>Stop waits this long for the API to cancel the run before it stops reading anyway.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task CancelAsync(string? runId, CancellationToken cancellationToken)
    {
        if (runId is null)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await api.CancelRunAsync(runId, identity, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning("Cancelling run {RunId} failed: {Message}", runId, exception.Message);
        }
    }
}
