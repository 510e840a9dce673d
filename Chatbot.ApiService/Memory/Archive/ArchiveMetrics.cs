using System.Diagnostics.Metrics;

namespace Chatbot.ApiService.Memory.Archive;

/// <summary>The archive's counters on the "Chatbot" meter.</summary>
public sealed class ArchiveMetrics
{
    public const string WriteFailures = "chatbot.memory.archive.write_failures";

    public const string RetriesExhausted = "retries_exhausted";
    public const string QueueFull = "queue_full";
    public const string ShuttingDown = "shutdown";

    private readonly Counter<long> _failures;

    public ArchiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ChatbotTelemetry.ServiceName);
        _failures = meter.CreateCounter<long>(WriteFailures, unit: "{write}",
            description: "Archive writes given up: retries exhausted, queue full, or shutdown before they were written.");
    }

    public void WriteFailed(ArchiveWrite write, string reason) =>
        _failures.Add(1,
            new KeyValuePair<string, object?>("operation", write.Operation switch
            {
                ArchiveOperation.Append => "append",
                ArchiveOperation.Feedback => "feedback",
                _ => "delete",
            }),
            new KeyValuePair<string, object?>("reason", reason));
}
