using Chatbot.ApiService.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>The embedded default keeps the same promises as Redis, in process.</summary>
public sealed class InProcessConversationStoreTests : ConversationStoreContract
{
    protected override Task<IConversationStore> CreateStoreAsync(IOptions<MemoryOptions> options) =>
        Task.FromResult<IConversationStore>(new InProcessConversationStore(options, TimeProvider.System));

    [Fact]
    public async Task Reading_a_conversation_slides_its_expiry()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InProcessConversationStore(Options(ttl: TimeSpan.FromHours(1)), clock);
        var key = NewKey();
        await store.AppendAsync(key, [User("kept while read")], CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Single(await store.GetTurnsAsync(key, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Single(await store.GetTurnsAsync(key, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Empty(await store.GetTurnsAsync(key, CancellationToken.None));
    }
}
