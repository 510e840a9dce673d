using Chatbot.ApiService.Limits;
using BenchmarkDotNet.Attributes;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Context;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// Mapping the model's streaming updates to stream events: <see cref="AgentUpdateWriter"/> into a
/// run's <see cref="RunEventSink"/> (numbering, the answer kept for memory, the channel), read
/// back as the HTTP side would. Per token, with one sink per 100-token answer amortised.
/// </summary>
public class AgentUpdateBenchmarks
{
    private static readonly AltecoContext Identity = new() { UserId = "u-100", TenantId = "t-100" };

    private ChatResponseUpdate[] _updates = [];

    private static readonly RunBudget Budget = new(new RunBudgetOptions { MaxRunTime = TimeSpan.FromDays(1) });

    [GlobalSetup]
    public void Setup() => _updates = SampleAnswer.Updates();

    [Benchmark(OperationsPerInvoke = SampleAnswer.Tokens)]
    public async Task<long> TextUpdateToTokenEvent()
    {
        var sink = new RunEventSink(StreamEventSelection.TokensOnly);
        var run = new RunContext(Identity, sink, Budget);
        long sequence = 0;
        foreach (var update in _updates)
        {
            await AgentUpdateWriter.WriteAsync(update, run, CancellationToken.None);
            if (sink.Reader.TryRead(out var streamEvent))
            {
                sequence = streamEvent.Sequence;
            }
        }
        return sequence;
    }
}
