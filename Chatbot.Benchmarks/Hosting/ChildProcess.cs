using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// A process this benchmark started and will stop: its output is kept (the last lines) for
/// diagnostics, and the moment just before it was started is its clock's zero.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ChildProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    public int Id => _process.Id;

    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    public string Output => string.Join("\n", _output);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var child = new ChildProcess(process, startedAt);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not stop process {_process.Id}: {exception.Message}");
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
