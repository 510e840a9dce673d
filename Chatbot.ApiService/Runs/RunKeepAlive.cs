namespace Chatbot.ApiService.Runs;

/// <summary>
/// Renews what a running answer holds (its journal's lease, its place in its owner's limit)
/// every <c>interval</c> until disposed, whether the model streams or is silent and whatever
/// the journal's window: it runs beside the journal, not between its appends.
/// </summary>
public sealed class RunKeepAlive : IAsyncDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _done = new();
    private readonly Func<CancellationToken, Task> _renew;
    private readonly Task _loop;

    private RunKeepAlive(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> renew)
    {
        _timer = new PeriodicTimer(interval, clock);
        _renew = renew;
        _loop = LoopAsync();
    }

    public static RunKeepAlive Start(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> renew) => new(interval, clock, renew);

    /// <summary>
    /// Disposing the timer ends the loop: its wait then returns false, where a cancelled wait
    /// would throw an exception for every run.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        _timer.Dispose();
        await _loop;
        _done.Dispose();
    }

    private async Task LoopAsync()
    {
        while (await _timer.WaitForNextTickAsync())
        {
            try
            {
                await _renew(_done.Token);
            }
            catch (Exception)
            {
                // The run ended during a renewal, or the store is away (its renewers log that):
                // the next tick tries again.
            }
        }
    }
}
