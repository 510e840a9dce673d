using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Runs.Redis;
using Chatbot.ApiService.Streaming;
using Chatbot.Benchmarks.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// What journaling a resumable run costs the API, against a real redis-server on loopback: the
/// journal's JSON per event, and a whole answer (start, 100 tokens, complete) through
/// <see cref="RunJournal"/> (with its <see cref="RunKeepAlive"/>) and <see cref="RedisRunStore"/>,
/// from opening the run with its start to its last event on the live side. Its events either wait in the
/// sink all at once (a model faster than Redis: one append, the batch ends with the terminal
/// event) or arrive one by one with no journal window (an append per event: what a model's pace
/// cost before the window). Wall time per answer, so it includes Redis's own time and the round
/// trips; Redis's CPU time per answer is printed at the end of each benchmark.
/// </summary>
public class RunJournalBenchmarks
{
    private const int EventsPerAnswer = SampleAnswer.Tokens + 2;
    private const string Owner = "owner";

    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private RedisRunStore _store = null!;
    private ResumableRunOptions _options = null!;
    private StreamEvent[] _answer = [];
    private TimeSpan _redisCpuAtStart;
    private long _answers;

    [GlobalSetup]
    public void Setup()
    {
        _redis = RedisServer.StartAsync().GetAwaiter().GetResult();
        _connection = ConnectionMultiplexer.Connect(_redis.ConnectionString);
        _options = new ResumableRunOptions { RetainFor = TimeSpan.FromSeconds(30) };
        _store = new RedisRunStore(_connection, new RunCancellations(), Options.Create(_options), TimeProvider.System, NullLogger<RedisRunStore>.Instance);
        _store.ConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        var complete = StreamEvent.Completed(new RunStatistics(InputTokens: 40, OutputTokens: SampleAnswer.Tokens, TimeToFirstTokenMs: 1.5, DurationMs: 3.2));
        _answer = [StreamEvent.Started("conversation", "run", "What is CAPEX?") with { Sequence = 1 }, .. SampleAnswer.TokenEvents(), complete with { Sequence = EventsPerAnswer }];
        _redisCpuAtStart = _redis.Stats().CpuTime;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        var redisCpu = _redis.Stats().CpuTime - _redisCpuAtStart;
        Console.WriteLine($"// redis-server CPU: {redisCpu.TotalMicroseconds / Math.Max(_answers, 1):0} µs an answer over {_answers} answers");
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>The journal's encoding of a batch of tokens: their JSON lines in one buffer.</summary>
    [Benchmark(OperationsPerInvoke = SampleAnswer.Tokens)]
    public int StoredBatchPerToken() => RedisEventBatch.Encode(_answer[1..^1]).Length;

    [Benchmark]
    public async Task JournalAnswerInBatches()
    {
        var (source, journal, run) = await StartAsync(_options);
        foreach (var streamEvent in _answer[1..])
        {
            source.Writer.TryWrite(streamEvent);
        }
        source.Writer.TryComplete();
        await run;
        while (journal.Live.TryRead(out _))
        {
        }
    }

    [Benchmark]
    public async Task JournalAnswerEventByEvent()
    {
        var (source, journal, run) = await StartAsync(new ResumableRunOptions { RetainFor = _options.RetainFor, JournalWindow = TimeSpan.Zero });
        await journal.Live.ReadAsync();
        foreach (var streamEvent in _answer[1..])
        {
            source.Writer.TryWrite(streamEvent);
            await journal.Live.ReadAsync();
        }
        source.Writer.TryComplete();
        await run;
    }

    private async Task<(Channel<StreamEvent> Source, RunJournal Journal, Task Run)> StartAsync(ResumableRunOptions options)
    {
        Interlocked.Increment(ref _answers);
        var run = RunRecord.Started(RunGroup.NewRunId(Owner), "conversation", Owner, DateTimeOffset.UtcNow);
        var source = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        source.Writer.TryWrite(_answer[0]);
        var journal = new RunJournal(run, source.Reader, _store, () => { }, options, TimeProvider.System, NullLogger.Instance);
        await journal.OpenAsync(openLimit: int.MaxValue, CancellationToken.None);
        return (source, journal, RunAsync(journal, options));
    }

    private static async Task RunAsync(RunJournal journal, ResumableRunOptions options)
    {
        await using var keepAlive = RunKeepAlive.Start(options.Lease / 3, TimeProvider.System, journal.RenewLeaseAsync);
        await journal.RunAsync();
    }
}
