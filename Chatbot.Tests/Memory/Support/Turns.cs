using Chatbot.ApiService.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Memory.Support;

/// <summary>Keys, turns and options for store tests; every key is new, so tests can share a server.</summary>
public static class Turns
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static ConversationKey NewKey(string? owner = null) =>
        new(owner ?? NewOwner(), $"conv-{Guid.NewGuid():N}");

    public static string NewOwner() => $"tenant-{Guid.NewGuid():N}/user";

    public static ConversationTurn User(string content, DateTimeOffset? at = null) =>
        new(ConversationTurn.User, content, at ?? Start);

    public static ConversationTurn Assistant(string content, DateTimeOffset? at = null) =>
        new(ConversationTurn.Assistant, content, at ?? Start, Agent: "knowledge");

    /// <summary>A question and its answer of one run, as a chat stores them.</summary>
    public static ConversationTurn[] Exchange(string runId) =>
    [
        new(ConversationTurn.User, $"question of {runId}", Start, RunId: runId),
        new(ConversationTurn.Assistant, $"answer of {runId}", Start, "knowledge", runId),
    ];

    public static IOptions<MemoryOptions> Options(TimeSpan? ttl = null, int maxHotTurns = 50) =>
        Microsoft.Extensions.Options.Options.Create(new MemoryOptions { Ttl = ttl ?? TimeSpan.FromHours(1), MaxHotTurns = maxHotTurns });

    public static void AssertSame(IReadOnlyList<ConversationTurn> expected, IReadOnlyList<ConversationTurn> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Role, e.Content, e.At, e.Agent, e.RunId, e.Incomplete), (a.Role, a.Content, a.At, a.Agent, a.RunId, a.Incomplete));
            Assert.Equal(e.Tools ?? [], a.Tools ?? []);
            Assert.Equal(e.Sources ?? [], a.Sources ?? []);
            if (e.Id is not null)
            {
                Assert.Equal(e.Id, a.Id);
            }
        }
    }
}
