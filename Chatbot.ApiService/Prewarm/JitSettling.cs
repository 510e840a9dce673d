using System.Runtime;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Waits until the runtime compiles (next to) nothing for a while: its background compiler has
/// recompiled, optimized, what the last rehearsals' counted calls made hot. The runtime has no
/// "tiering queue empty" signal, so this watches the count of compiled methods (<see cref="JitInfo"/>).
/// </summary>
public sealed class JitSettling(TimeProvider clock, Func<long>? compiledMethods = null)
{
    /// <summary>
    /// Longer than the runtime's own pause (100 ms without new methods) before it starts counting
    /// calls and recompiling, so a quiet spell is not that pause. After the first pass, whose calls
    /// mostly fell inside the pause and counted for nothing, the wait is short: the next pass counts.
    /// </summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Compilations a quiet spell still allows: the process's timers (Redis heartbeats, Kestrel's
    /// date header, the thread pool's gate) reach 30 calls one by one and keep a few coming for
    /// minutes, which a JIT-event trace of start-up showed long after the rehearsals' methods were done.
    /// </summary>
    public const int Trickle = 2;

    private readonly Func<long> _compiled = compiledMethods ?? (() => JitInfo.GetCompiledMethodCount(currentThread: false));

    /// <summary>True once no more than <see cref="Trickle"/> methods were compiled in <see cref="QuietFor"/>; false when <paramref name="atMost"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var count = _compiled();
        var quietSince = started;
        while (clock.GetElapsedTime(started) < atMost)
        {
            await Task.Delay(QuietFor / 5, clock, cancellationToken);
            var now = _compiled();
            if (now - count > Trickle)
            {
                (count, quietSince) = (now, clock.GetTimestamp());
            }
            else if (clock.GetElapsedTime(quietSince) >= QuietFor)
            {
                return true;
            }
        }
        return false;
    }
}
