using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Live;

/// <summary><c>Chatbot:Shutdown</c>: how long answers in flight, and the archive's queued writes, may finish after SIGTERM.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Chatbot:Shutdown";

    /// <summary>How long the host waits for its services to stop (<see cref="HostOptions.ShutdownTimeout"/>).</summary>
    public const string HostShutdownTimeout = "00:00:30";

    /// <summary>Below the host's shutdown timeout, so every stream gets its error event before the socket closes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", HostShutdownTimeout, MaximumIsExclusive = true,
        ErrorMessage = Section + ":DrainTime must be zero or more and below the host's shutdown timeout (" + HostShutdownTimeout + ").")]
    public TimeSpan DrainTime { get; set; } = TimeSpan.FromSeconds(20);
}
