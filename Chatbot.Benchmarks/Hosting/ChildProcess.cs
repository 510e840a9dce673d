using System.Diagnostics;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// A process this benchmark started and will stop. Its output goes straight to a log file under
/// artifacts/benchmarks/logs/ (a shell <c>exec</c>s it with redirected output, so the process id
/// is the program's own): reading it through a pipe would make the server wait on this busy
/// client whenever its console logger's queue filled. The moment just before it was started is
/// its clock's zero.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int ShownLines = 60;

    private readonly Process _process;

    private ChildProcess(Process process, long startedAt, string logFile)
    {
        _process = process;
        StartedAt = startedAt;
        LogFile = logFile;
    }

    public int Id => _process.Id;

    public long StartedAt { get; }

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines of its output, for diagnostics.</summary>
    public string Output => File.Exists(LogFile) ? string.Join("\n", File.ReadLines(LogFile).TakeLast(ShownLines)) : "";

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var logs = Path.Combine(RepoLayout.ResultsDirectory, "logs");
        Directory.CreateDirectory(logs);
        var logFile = Path.Combine(logs, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.log");
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$@\" >\"$CHATBOT_BENCHMARK_LOG\" 2>&1", fileName, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        start.Environment["CHATBOT_BENCHMARK_LOG"] = logFile;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        return new ChildProcess(process, startedAt, logFile);
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
}
