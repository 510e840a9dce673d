using Chatbot.ApiService.Prewarm;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// Prewarm's wait for the runtime's recompiling ends once nothing was compiled for a quiet
/// spell, and never later than its limit on a machine that keeps compiling.
/// </summary>
public sealed class JitSettlingTests
{
    private static readonly TimeSpan Step = JitSettling.QuietFor / 5;

    [Fact]
    public async Task The_wait_lasts_while_methods_are_compiled_and_ends_after_a_quiet_spell()
    {
        var clock = new FakeTimeProvider();
        var reads = 0;
        // Compiling for the first 20 looks, then quiet.
        var settling = new JitSettling(clock, () => Math.Min(++reads * (JitSettling.Trickle + 1), 20 * (JitSettling.Trickle + 1)));

        var (settled, waited) = await DriveAsync(clock, settling.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.True(settled);
        Assert.True(reads > 20);
        Assert.InRange(waited, 19 * Step + JitSettling.QuietFor, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_trickle_of_timer_methods_does_not_keep_the_wait_going()
    {
        var clock = new FakeTimeProvider();
        var reads = 0L;
        // One method every fourth look (every 200 ms), for ever.
        var settling = new JitSettling(clock, () => ++reads / 4);

        var (settled, waited) = await DriveAsync(clock, settling.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.True(settled);
        Assert.True(waited < TimeSpan.FromSeconds(2), waited.ToString());
    }

    [Fact]
    public async Task A_runtime_that_never_goes_quiet_is_waited_for_no_longer_than_the_limit()
    {
        var clock = new FakeTimeProvider();
        var compiled = 0L;
        var settling = new JitSettling(clock, () => compiled += JitSettling.Trickle + 1);

        var (settled, waited) = await DriveAsync(clock, settling.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.False(settled);
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    /// <summary>Moves the fake clock a poll at a time until the wait ends; returns its result and the virtual time it took.</summary>
    private static async Task<(bool Settled, TimeSpan Waited)> DriveAsync(FakeTimeProvider clock, Task<bool> wait)
    {
        var started = clock.GetUtcNow();
        for (var step = 0; !wait.IsCompleted && step < 10_000; step++)
        {
            clock.Advance(Step);
            await Task.Delay(1);
        }
        return (await wait, clock.GetUtcNow() - started);
    }
}
