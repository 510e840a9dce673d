using Chatbot.ApiService.Live;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Archive;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>
/// Redis hot memory (real redis-server) in front of an archive test double, with the real
/// queue and background writer: rehydration, retries, the failure metric, draining on shutdown.
/// </summary>
public sealed class ArchivedConversationStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<ArchiveWriter> _writers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.StopAsync(None);
        }
        await _metrics.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_whose_hot_key_expired_is_rehydrated_from_the_archive()
    {
        var archive = NewArchive();
        var (store, hot) = await StartAsync(archive, Settings(ttl: TimeSpan.FromSeconds(1)));
        var key = NewKey();
        ConversationTurn[] turns = [User("What is OPEX?"), Assistant("Running costs.")];
        await store.AppendAsync(key, turns, None);
        Assert.True(await Eventually.HoldsAsync(async () => (await archive.GetTurnsAsync(key, None)).Count == 2));
        Assert.True(await Eventually.HoldsAsync(async () => await IsExpiredAsync(hot, key)));

        var rehydrated = await store.GetTurnsAsync(key, None);

        AssertSame(turns, rehydrated);
        Assert.Equal(2, (await hot.GetTurnsAsync(key, None)).Count);
    }

    /// <summary>The vote reaches the archived answer; a conversation rehydrated after the hot copy expired shows it, and clearing it then stays cleared.</summary>
    [Fact]
    public async Task A_vote_is_archived_with_its_answer_and_comes_back_with_a_rehydrated_conversation()
    {
        var archive = NewArchive();
        var (store, hot) = await StartAsync(archive, Settings(ttl: TimeSpan.FromSeconds(1)));
        var key = NewKey();
        var vote = new TurnFeedback("down", "Wrong site.", Start);
        await store.AppendAsync(key, Exchange("run-1"), None);
        await store.SetFeedbackAsync(key, "run-1", vote, None);
        Assert.True(await Eventually.HoldsAsync(async () => (await archive.GetTurnsAsync(key, None)).LastOrDefault()?.Feedback == vote));
        Assert.True(await Eventually.HoldsAsync(async () => await IsExpiredAsync(hot, key)));

        var rehydrated = await store.GetTurnsAsync(key, None);
        await store.SetFeedbackAsync(key, "run-1", null, None);

        Assert.Equal([null, vote], rehydrated.Select(turn => turn.Feedback));
        Assert.All(await store.GetTurnsAsync(key, None), turn => Assert.Null(turn.Feedback));
        Assert.True(await Eventually.HoldsAsync(async () => (await archive.GetTurnsAsync(key, None)).All(turn => turn.Feedback is null)));
    }

    [Fact]
    public async Task A_rehydrated_read_is_a_hot_miss_and_a_conversation_the_archive_does_not_know_is_none()
    {
        var archive = NewArchive();
        using var misses = Collector(HotMemoryMetrics.Misses);
        var (store, _) = await StartAsync(archive, Settings());
        var expired = NewKey();
        await archive.AppendAsync(expired, [User("What is OPEX?"), Assistant("Running costs.")], None);

        await store.GetTurnsAsync(NewKey(), None);
        Assert.Empty(misses.GetMeasurementSnapshot());
        await store.GetTurnsAsync(expired, None);

        Assert.Equal(1, misses.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    /// <summary>Right to erasure: whoever else archived a conversation under the same id, mine is found and erased, and theirs kept.</summary>
    [Fact]
    public async Task Deleting_a_conversation_only_the_archive_holds_erases_mine_and_not_another_owners_of_the_same_id()
    {
        var archive = NewArchive();
        var (store, _) = await StartAsync(archive, Settings());
        var alice = NewKey();
        var bob = alice with { Owner = NewOwner() };
        await archive.AppendAsync(alice, [User("alice's question")], None);
        await archive.AppendAsync(bob, [User("bob's question")], None);

        Assert.True(await store.DeleteAsync(bob, None));

        Assert.True(await Eventually.HoldsAsync(async () => (await archive.GetTurnsAsync(bob, None)).Count == 0));
        Assert.Equal("alice's question", Assert.Single(await archive.GetTurnsAsync(alice, None)).Content);
        Assert.False(await store.DeleteAsync(alice with { Owner = NewOwner() }, None));
    }

    [Fact]
    public async Task Delete_erases_the_hot_and_the_archived_copy()
    {
        var archive = NewArchive();
        var (store, hot) = await StartAsync(archive, Settings());
        var key = NewKey();
        await store.AppendAsync(key, [User("forget me")], None);

        Assert.True(await store.DeleteAsync(key, None));

        Assert.Empty(await hot.GetTurnsAsync(key, None));
        Assert.True(await Eventually.HoldsAsync(async () => (await archive.GetTurnsAsync(key, None)).Count == 0));
        Assert.Empty(await store.GetTurnsAsync(key, None));
    }

    [Fact]
    public async Task The_list_merges_recent_and_archived_conversations()
    {
        var archive = NewArchive();
        var (store, hot) = await StartAsync(archive, Settings());
        var owner = NewOwner();
        var archivedOnly = NewKey(owner);
        await archive.AppendAsync(archivedOnly, [User("old question", Start), Assistant("old answer", Start)], None);
        var both = NewKey(owner);
        await store.AppendAsync(both, [User("recent question", Start.AddMinutes(5))], None);

        var page = await store.ListAsync(owner, new PageRequest(1, 10), None);

        Assert.Equal(2, page.Total);
        Assert.Equal([both.ConversationId, archivedOnly.ConversationId], page.Items.Select(item => item.ConversationId));
        Assert.Equal("old question", page.Items[1].Title);
    }

    [Fact]
    public async Task A_failing_archive_never_fails_the_append_and_what_is_given_up_is_counted()
    {
        var archive = new FaultyArchive(NewArchive()) { FailEverything = true };
        using var failures = new MetricCollector<long>(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            ChatbotTelemetry.ServiceName, ArchiveMetrics.WriteFailures);
        var (store, _) = await StartAsync(archive, Settings(maxRetries: 2));
        var key = NewKey();

        await store.AppendAsync(key, [User("kept hot")], None);

        Assert.Single(await store.GetTurnsAsync(key, None));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(failures.GetMeasurementSnapshot().Count == 1)));
        var failure = failures.LastMeasurement!;
        Assert.Equal((1L, ArchiveMetrics.RetriesExhausted), (failure.Value, failure.Tags["reason"]));
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_waiting()
    {
        var blocked = new FaultyArchive(NewArchive()) { Gate = new TaskCompletionSource() };
        using var failures = new MetricCollector<long>(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            ChatbotTelemetry.ServiceName, ArchiveMetrics.WriteFailures);
        var (store, _) = await StartAsync(blocked, Settings(queueCapacity: 1));

        try
        {
            for (var i = 0; i < 5; i++)
            {
                await store.AppendAsync(NewKey(), [User($"q{i}")], None);
            }

            Assert.Contains(failures.GetMeasurementSnapshot(), measurement => Equals(measurement.Tags["reason"], ArchiveMetrics.QueueFull));
        }
        finally
        {
            blocked.Gate.SetResult();
        }
    }

    [Fact]
    public async Task An_archive_that_hangs_costs_a_hot_miss_no_more_than_the_read_timeout()
    {
        var hanging = new FaultyArchive(NewArchive()) { Gate = new TaskCompletionSource() };
        var (store, _) = await StartAsync(hanging, Settings());
        var key = NewKey();

        try
        {
            Assert.Empty(await store.GetTurnsAsync(key, None));
        }
        finally
        {
            hanging.Gate.SetResult();
        }
    }

    [Fact]
    public async Task Stopping_writes_everything_still_queued()
    {
        var slow = NewArchive();
        var archive = new FaultyArchive(slow) { WriteDelay = TimeSpan.FromMilliseconds(20) };
        var (store, _) = await StartAsync(archive, Settings());
        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToArray();
        foreach (var key in keys)
        {
            await store.AppendAsync(key, [User("queued")], None);
        }

        await _writers[^1].StopAsync(None);

        foreach (var key in keys)
        {
            Assert.Single(await slow.GetTurnsAsync(key, None));
        }
    }

    /// <summary>Asks the list, not the turns: reading the turns would slide the expiry.</summary>
    private static async Task<bool> IsExpiredAsync(RedisConversationStore hot, ConversationKey key) =>
        (await hot.ListAsync(key.Owner, new PageRequest(1, 10), None)).Total == 0;

    private MetricCollector<long> Collector(string instrument) =>
        new(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), ChatbotTelemetry.ServiceName, instrument);

    private static InProcessConversationStore NewArchive() => new(Options(ttl: TimeSpan.FromDays(1), maxHotTurns: 1_000), TimeProvider.System);

    private static IOptions<MemoryOptions> Settings(TimeSpan? ttl = null, int maxRetries = 3, int queueCapacity = 100) =>
        Microsoft.Extensions.Options.Options.Create(new MemoryOptions
        {
            Ttl = ttl ?? TimeSpan.FromHours(1),
            ArchiveMaxRetries = maxRetries,
            ArchiveRetryDelay = TimeSpan.FromMilliseconds(10),
            ArchiveQueueCapacity = queueCapacity,
            ArchiveReadTimeout = TimeSpan.FromMilliseconds(300),
        });

    private async Task<(ArchivedConversationStore Store, RedisConversationStore Hot)> StartAsync(IConversationStore archive, IOptions<MemoryOptions> options)
    {
        var metrics = new ArchiveMetrics(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var queue = new ArchiveQueue(options, metrics, NullLogger<ArchiveQueue>.Instance);
        var writer = new ArchiveWriter(queue, archive, metrics, options, Microsoft.Extensions.Options.Options.Create(new ShutdownOptions()),
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);
        _writers.Add(writer);
        await writer.StartAsync(None);
        var hot = new RedisConversationStore(redis.Client, options);
        var hotMetrics = new HotMemoryMetrics(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        return (new ArchivedConversationStore(hot, archive, queue, hotMetrics, options, NullLogger<ArchivedConversationStore>.Instance), hot);
    }
}
