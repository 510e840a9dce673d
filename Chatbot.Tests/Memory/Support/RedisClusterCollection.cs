namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// The test classes that share one real Redis Cluster. They run one after another: the outage
/// tests kill and restart its nodes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "Redis cluster";
}
