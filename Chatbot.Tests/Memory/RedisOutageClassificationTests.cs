using Chatbot.ApiService.Memory.Redis;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory;

/// <summary>What counts as Redis being away (fall back, write back later) and what is a bug (let it fail).</summary>
public sealed class RedisOutageClassificationTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "socket closed", null, CommandStatus.Sent), true },
        { new RedisTimeoutException(CommandFlags.None, "timed out", CommandStatus.Sent), true },
        { new RedisServerException(RedisErrorKind.ClusterDown, CommandFlags.None, "CLUSTERDOWN The cluster is down"), true },
        { new RedisServerException(RedisErrorKind.TryAgain, CommandFlags.None, "TRYAGAIN Multiple keys request during rehashing of slot"), true },
        { new RedisServerException(RedisErrorKind.Loading, CommandFlags.None, "LOADING Redis is loading the dataset in memory"), true },
        // The client's transport, when a cluster node dies under a command (StackExchange.Redis 2.x, docs/scale.md).
        { new InvalidOperationException("Writing is not allowed after writer was completed.") { Source = "System.IO.Pipelines" }, true },
        { new RedisServerException(RedisErrorKind.UnknownError, CommandFlags.None, "ERR Error running script (call to f_...): attempt to compare nil with number"), false },
        { new InvalidOperationException("Sequence contains no elements") { Source = "System.Linq" }, false },
        { new ArgumentNullException("key"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Redis_being_away_is_an_outage_and_a_bug_is_not(Exception exception, bool outage) =>
        Assert.Equal(outage, RedisOutage.Is(exception));
}
