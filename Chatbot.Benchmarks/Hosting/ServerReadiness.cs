using System.Diagnostics;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// Polls a just-started server: when it first answers at all (listening) and when its health
/// endpoint first says 200 (ready), both measured from the moment the process was started.
/// </summary>
public static class ServerReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task<(TimeSpan Listening, TimeSpan Ready)> WaitAsync(ChildProcess process, string baseUrl, string healthPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        TimeSpan? listening = null;
        while (Stopwatch.GetElapsedTime(process.StartedAt) < Deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited while starting:\n{process.Output}");
            }
            try
            {
                using var response = await http.GetAsync(baseUrl + healthPath);
                listening ??= Stopwatch.GetElapsedTime(process.StartedAt);
                if (response.IsSuccessStatusCode)
                {
                    return (listening.Value, Stopwatch.GetElapsedTime(process.StartedAt));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the poll's timeout.
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"The server was not ready within {Deadline.TotalSeconds} s:\n{process.Output}");
    }
}
