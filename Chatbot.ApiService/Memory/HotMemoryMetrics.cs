using System.Diagnostics.Metrics;

namespace Chatbot.ApiService.Memory;

/// <summary>
/// Hot memory's hit rate on the "Chatbot" meter, counted by the stores that know where a read was
/// answered. A hit is a history read Redis answered. A miss is a read of a conversation that
/// exists but that Redis did not answer: the in-process fallback did (Redis down), or it was
/// rehydrated from the archive. A read that finds the conversation nowhere (a new one) is neither.
/// </summary>
public sealed class HotMemoryMetrics
{
    public const string Hits = "chatbot.memory.hot.hits";
    public const string Misses = "chatbot.memory.hot.misses";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public HotMemoryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ChatbotTelemetry.ServiceName);
        _hits = meter.CreateCounter<long>(Hits, "{read}", "History reads Redis answered.");
        _misses = meter.CreateCounter<long>(Misses, "{read}",
            "History reads of an existing conversation Redis did not answer: served by the outage fallback or rehydrated from the archive.");
    }

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);
}
