using System.Runtime.InteropServices;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// Ctrl+C and SIGTERM no longer end the process on the spot: the mode stops waiting for its
/// phases and returns, so that everything it started is disposed (killed) on the way out.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _signalled = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals() => _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];

    /// <summary>True when <paramref name="work"/> finished (its exception, if any, is thrown); false when a signal came first.</summary>
    public async Task<bool> FinishesAsync(Task work)
    {
        var signalled = Task.Delay(Timeout.Infinite, _signalled.Token);
        if (await Task.WhenAny(work, signalled) != work)
        {
            Console.Error.WriteLine("Stopped by a signal: killing the API replicas and Redis nodes.");
            return false;
        }
        await work;
        return true;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _signalled.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        _signalled.Cancel();
    });
}
