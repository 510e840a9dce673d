using BenchmarkDotNet.Attributes;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// Mapping the model's streaming updates to stream events: <see cref="ModelUpdateWriter.WriteAsync"/> into a
/// run's <see cref="RunEventSink"/> (numbering, the answer kept for memory, the channel), read
/// back as the HTTP side would, counting output tokens against the run's budget. Per token,
/// with one sink and budget per 100-token answer amortised.
/// </summary>
public class AgentUpdateBenchmarks
{
    private static readonly AltecoContext Identity = new() { UserId = "u-100", TenantId = "t-100" };

    private ChatResponseUpdate[] _updates = [];

    [GlobalSetup]
    public void Setup() => _updates = SampleAnswer.Updates();

    [Benchmark(OperationsPerInvoke = SampleAnswer.Tokens)]
    public async Task<long> TextUpdateToTokenEvent()
    {
        var sink = new RunEventSink(StreamEventSelection.TokensOnly);
        using var budget = new RunBudget(new RunBudgetOptions());
        var writer = new ModelUpdateWriter(new RunContext(Identity, sink, budget), "knowledge", streamsText: true);
        long sequence = 0;
        foreach (var update in _updates)
        {
            await writer.WriteAsync(update, CancellationToken.None);
            if (sink.Reader.TryRead(out var streamEvent))
            {
                sequence = streamEvent.Sequence;
            }
        }
        return sequence;
    }
}
