using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Contracts.Identity;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// How many turns Redis itself holds for a question's conversation (the list under
/// <see cref="RedisConversationKeys.Turns"/> of the user's owner), bypassing the API: tells an
/// answer Redis never got from one the API could not read back.
/// </summary>
public static class ConversationProbe
{
    private static readonly string TenantHeader = IdentityHeaders.Name(IdentityHeaders.TenantId);

    public static async Task<IReadOnlyDictionary<ScaleOutcome, long>> CountTurnsAsync(RedisCluster cluster, IEnumerable<ScaleOutcome> outcomes)
    {
        var turns = new Dictionary<ScaleOutcome, long>();
        foreach (var outcome in outcomes)
        {
            turns[outcome] = await cluster.Database.ListLengthAsync(RedisConversationKeys.Turns(Key(outcome)));
        }
        return turns;
    }

    /// <summary>The conversation's key as the API builds it from the identity the question was asked with.</summary>
    private static ConversationKey Key(ScaleOutcome outcome)
    {
        var identity = new AltecoContext { TenantId = BenchmarkQuestion.IdentityHeaders[TenantHeader], UserId = $"bench-user-{outcome.User}" };
        return new ConversationKey(identity.Owner, outcome.ConversationId);
    }
}
