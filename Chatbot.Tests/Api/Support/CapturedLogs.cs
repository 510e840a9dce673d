using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Api.Support;

/// <summary>Every log line the app writes, with its exception, for assertions on what is (not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join("\n", _lines);

    /// <summary>Waits for <paramref name="task"/>; on timeout fails with what the server logged, which says why it never came.</summary>
    public async Task WaitAsync(Task task, TimeSpan timeout, string waitingFor)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {waitingFor} in vain. Server log:\n{All}");
        }
    }

    public async Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout, string waitingFor)
    {
        await WaitAsync((Task)task, timeout, waitingFor);
        return await task;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
