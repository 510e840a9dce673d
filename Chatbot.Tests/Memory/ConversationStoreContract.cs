using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Options;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>
/// What every conversation store promises, run against each implementation (in-process, real
/// Redis, and MongoDB when <c>CHATBOT_TEST_MONGODB</c> names a server).
/// </summary>
public abstract class ConversationStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<IConversationStore> CreateStoreAsync(IOptions<MemoryOptions> options);

    /// <summary>False for the archive, which keeps turns until retention or erasure.</summary>
    protected virtual bool ExpiresConversations => true;

    [SkippableFact]
    public async Task Appended_turns_read_back_in_order_with_every_field()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();
        ConversationTurn[] turns =
        [
            new(ConversationTurn.User, "What is OPEX?", Start.AddMilliseconds(678), RunId: "run-1", Id: "turn-1"),
            new(ConversationTurn.Assistant, "OPEX is the cost of running it.", Start.AddSeconds(2), "knowledge", "run-1",
                Incomplete: true, Tools: ["search_knowledge", "define"], Id: "turn-2",
                Sources: [new AnswerSource("opex.md", "OPEX"), new AnswerSource("guides/maintenance.md", "Wartung › Kosten")]),
        ];

        await store.AppendAsync(key, turns, None);

        AssertSame(turns, await store.GetTurnsAsync(key, None));
    }

    [SkippableFact]
    public async Task An_unknown_conversation_has_no_turns_and_nothing_to_delete()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();

        Assert.Empty(await store.GetTurnsAsync(key, None));
        Assert.False(await store.DeleteAsync(key, None));
    }

    /// <summary>The seed kept one list for every conversation in the process.</summary>
    [SkippableFact]
    public async Task Two_conversations_never_share_turns()
    {
        var store = await CreateStoreAsync(Options());
        var first = NewKey();
        var second = NewKey();

        await store.AppendAsync(first, [User("first question"), Assistant("first answer")], None);
        await store.AppendAsync(second, [User("second question"), Assistant("second answer")], None);

        Assert.Equal(["first question", "first answer"], (await store.GetTurnsAsync(first, None)).Select(turn => turn.Content));
        Assert.Equal(["second question", "second answer"], (await store.GetTurnsAsync(second, None)).Select(turn => turn.Content));
    }

    [SkippableFact]
    public async Task Another_owner_reads_nothing_and_deletes_nothing_under_the_same_id()
    {
        var store = await CreateStoreAsync(Options());
        var alice = NewKey();
        var bob = alice with { Owner = NewOwner() };
        await store.AppendAsync(alice, [User("alice's question")], None);

        Assert.Empty(await store.GetTurnsAsync(bob, None));
        Assert.False(await store.DeleteAsync(bob, None));
        Assert.Equal(0, (await store.ListAsync(bob.Owner, new PageRequest(1, 10), None)).Total);
        Assert.Single(await store.GetTurnsAsync(alice, None));
    }

    /// <summary>Ids are per owner: nobody can take an id first and keep another owner out of it.</summary>
    [SkippableFact]
    public async Task The_same_id_under_two_owners_is_two_conversations()
    {
        var store = await CreateStoreAsync(Options());
        var alice = NewKey();
        var bob = alice with { Owner = NewOwner() };

        await store.AppendAsync(alice, [User("alice's question", Start), Assistant("alice's answer", Start)], None);
        await store.AppendAsync(bob, [User("bob's question", Start.AddMinutes(1))], None);

        Assert.Equal(["alice's question", "alice's answer"], (await store.GetTurnsAsync(alice, None)).Select(turn => turn.Content));
        Assert.Equal(["bob's question"], (await store.GetTurnsAsync(bob, None)).Select(turn => turn.Content));
        var alicesList = Assert.Single((await store.ListAsync(alice.Owner, new PageRequest(1, 10), None)).Items);
        var bobsList = Assert.Single((await store.ListAsync(bob.Owner, new PageRequest(1, 10), None)).Items);
        Assert.Equal((alice.ConversationId, "alice's question", 2L), (alicesList.ConversationId, alicesList.Title, alicesList.Turns));
        Assert.Equal((bob.ConversationId, "bob's question", 1L), (bobsList.ConversationId, bobsList.Title, bobsList.Turns));
    }

    [SkippableFact]
    public async Task Deleting_one_owners_conversation_leaves_the_other_owners_of_the_same_id()
    {
        var store = await CreateStoreAsync(Options());
        var alice = NewKey();
        var bob = alice with { Owner = NewOwner() };
        await store.AppendAsync(alice, [User("alice's question")], None);
        await store.AppendAsync(bob, [User("bob's question")], None);

        Assert.True(await store.DeleteAsync(bob, None));

        Assert.Empty(await store.GetTurnsAsync(bob, None));
        Assert.Equal("alice's question", Assert.Single(await store.GetTurnsAsync(alice, None)).Content);
        Assert.Equal(1, (await store.ListAsync(alice.Owner, new PageRequest(1, 10), None)).Total);
        Assert.True(await store.DeleteAsync(alice, None));
    }

    /// <summary>Owner and id both may hold ':' (and '/'); no pair may be spelled as another.</summary>
    [SkippableFact]
    public async Task Owners_and_ids_with_separators_never_collide()
    {
        var store = await CreateStoreAsync(Options());
        var prefix = Guid.NewGuid().ToString("N");
        var one = new ConversationKey($"{prefix}:a/b", "c:d");
        var other = new ConversationKey($"{prefix}:a/b:c", "d");

        await store.AppendAsync(one, [User("one")], None);
        await store.AppendAsync(other, [User("other")], None);

        Assert.Equal("one", Assert.Single(await store.GetTurnsAsync(one, None)).Content);
        Assert.Equal("other", Assert.Single(await store.GetTurnsAsync(other, None)).Content);
    }

    /// <summary>20 writers, 10 appends each of a question and its answer, all at once.</summary>
    [SkippableFact]
    public async Task Two_hundred_concurrent_appends_lose_nothing_and_keep_each_writers_order()
    {
        const int Writers = 20;
        const int AppendsPerWriter = 10;
        var store = await CreateStoreAsync(Options(maxHotTurns: Writers * AppendsPerWriter * 2));
        var key = NewKey();
        using var go = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            go.Wait();
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await store.AppendAsync(key, [User($"w{writer}-q{i}"), Assistant($"w{writer}-a{i}")], None);
            }
        })).ToArray();
        go.Set();
        await Task.WhenAll(writers);

        var turns = await store.GetTurnsAsync(key, None);
        Assert.Equal(Writers * AppendsPerWriter * 2, turns.Count);
        for (var i = 0; i < turns.Count; i += 2)
        {
            // An append is atomic: nothing lands between a question and its answer.
            Assert.Equal(turns[i].Content.Replace("-q", "-a"), turns[i + 1].Content);
        }
        for (var writer = 0; writer < Writers; writer++)
        {
            var mine = turns.Where(turn => turn.Content.StartsWith($"w{writer}-q")).Select(turn => turn.Content);
            Assert.Equal(Enumerable.Range(0, AppendsPerWriter).Select(i => $"w{writer}-q{i}"), mine);
        }
    }

    [SkippableFact]
    public async Task Only_the_newest_turns_are_read_back_past_the_cap()
    {
        var store = await CreateStoreAsync(Options(maxHotTurns: 5));
        var key = NewKey();

        foreach (var i in Enumerable.Range(1, 8))
        {
            await store.AppendAsync(key, [User($"q{i}")], None);
        }

        Assert.Equal(["q4", "q5", "q6", "q7", "q8"], (await store.GetTurnsAsync(key, None)).Select(turn => turn.Content));
    }

    [SkippableFact]
    public async Task Delete_erases_the_conversation_and_frees_its_id()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();
        await store.AppendAsync(key, [User("to forget"), Assistant("forgotten")], None);

        Assert.True(await store.DeleteAsync(key, None));

        Assert.Empty(await store.GetTurnsAsync(key, None));
        Assert.Equal(0, (await store.ListAsync(key.Owner, new PageRequest(1, 10), None)).Total);
        Assert.False(await store.DeleteAsync(key, None));
    }

    [SkippableFact]
    public async Task The_list_holds_only_my_conversations_newest_first_with_title_and_count_paged()
    {
        var store = await CreateStoreAsync(Options());
        var owner = NewOwner();
        var oldest = NewKey(owner);
        var newest = NewKey(owner);
        var middle = NewKey(owner);
        await store.AppendAsync(oldest, [User("What is OPEX?", Start), Assistant("Running costs.", Start)], None);
        await store.AppendAsync(newest, [User("How are my   PV systems\ndoing?", Start.AddMinutes(1))], None);
        await store.AppendAsync(middle, [User("What is LCOE?", Start.AddMinutes(2))], None);
        await store.AppendAsync(newest, [Assistant("Fine.", Start.AddMinutes(3))], None);
        await store.AppendAsync(NewKey(), [User("someone else's", Start.AddMinutes(4))], None);

        var first = await store.ListAsync(owner, new PageRequest(1, 2), None);
        var second = await store.ListAsync(owner, new PageRequest(2, 2), None);

        Assert.Equal(3, first.Total);
        Assert.Equal([newest.ConversationId, middle.ConversationId], first.Items.Select(item => item.ConversationId));
        Assert.Equal(("How are my PV systems doing?", 2L, Start.AddMinutes(3)), (first.Items[0].Title, first.Items[0].Turns, first.Items[0].UpdatedAt));
        var last = Assert.Single(second.Items);
        Assert.Equal((oldest.ConversationId, "What is OPEX?", 2L), (last.ConversationId, last.Title, last.Turns));
    }

    [SkippableFact]
    public async Task Feedback_on_an_answer_reads_back_with_it_and_is_replaced_and_cleared()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();
        await store.AppendAsync(key, [.. Exchange("run-1"), .. Exchange("run-2")], None);
        var up = new TurnFeedback("up", "Clear and right.", Start.AddMinutes(1));
        var down = new TurnFeedback("down", null, Start.AddMinutes(2));

        var first = await store.SetFeedbackAsync(key, "run-1", up, None);
        var read = await store.GetTurnsAsync(key, None);
        var changed = await store.SetFeedbackAsync(key, "run-1", down, None);
        var afterChange = await store.GetTurnsAsync(key, None);
        var cleared = await store.SetFeedbackAsync(key, "run-1", null, None);

        Assert.Equal(FeedbackUpdate.Replaced(null), first);
        Assert.Equal([null, up, null, null], read.Select(turn => turn.Feedback));
        Assert.Equal(FeedbackUpdate.Replaced(up), changed);
        Assert.Equal([null, down, null, null], afterChange.Select(turn => turn.Feedback));
        Assert.Equal(FeedbackUpdate.Replaced(down), cleared);
        Assert.All(await store.GetTurnsAsync(key, None), turn => Assert.Null(turn.Feedback));
    }

    [SkippableFact]
    public async Task Feedback_on_an_unknown_conversation_or_another_owners_is_not_found_and_changes_nothing()
    {
        var store = await CreateStoreAsync(Options());
        var alice = NewKey();
        var bob = alice with { Owner = NewOwner() };
        await store.AppendAsync(alice, Exchange("run-1"), None);

        Assert.Equal(FeedbackUpdate.NotFound, await store.SetFeedbackAsync(bob, "run-1", new TurnFeedback("down", "spite", Start), None));
        Assert.Equal(FeedbackUpdate.NotFound, await store.SetFeedbackAsync(NewKey(), "run-1", new TurnFeedback("up", null, Start), None));

        Assert.All(await store.GetTurnsAsync(alice, None), turn => Assert.Null(turn.Feedback));
        Assert.Empty(await store.GetTurnsAsync(bob, None));
    }

    /// <summary>What a conversation rehydrated from the archive brings: its answers' votes.</summary>
    [SkippableFact]
    public async Task Turns_appended_with_feedback_keep_it()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();
        var vote = new TurnFeedback("down", "Wrong site.", Start.AddSeconds(5));
        var turns = Exchange("run-1");

        await store.AppendAsync(key, [turns[0], turns[1] with { Feedback = vote }], None);

        Assert.Equal([null, vote], (await store.GetTurnsAsync(key, None)).Select(turn => turn.Feedback));
    }

    [SkippableFact]
    public async Task Erasing_a_conversation_erases_its_feedback()
    {
        var store = await CreateStoreAsync(Options());
        var key = NewKey();
        await store.AppendAsync(key, Exchange("run-1"), None);
        await store.SetFeedbackAsync(key, "run-1", new TurnFeedback("up", "private remark", Start), None);

        await store.DeleteAsync(key, None);
        await store.AppendAsync(key, Exchange("run-1"), None);

        Assert.All(await store.GetTurnsAsync(key, None), turn => Assert.Null(turn.Feedback));
    }

    [SkippableFact]
    public async Task A_conversation_expires_after_its_ttl()
    {
        Skip.IfNot(ExpiresConversations, "The archive keeps turns until retention or erasure.");
        var store = await CreateStoreAsync(Options(ttl: TimeSpan.FromSeconds(1)));
        var key = NewKey();
        await store.AppendAsync(key, [User("short-lived")], None);

        // Polls the list, not the turns: reading the turns would slide the expiry.
        Assert.True(await Eventually.HoldsAsync(async () => (await store.ListAsync(key.Owner, new PageRequest(1, 10), None)).Total == 0));
        Assert.Empty(await store.GetTurnsAsync(key, None));
    }
}
