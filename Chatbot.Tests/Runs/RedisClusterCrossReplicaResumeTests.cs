using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Two replicas sharing a real Redis Cluster of three masters.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterCrossReplicaResumeTests(RedisClusterFixture cluster) : CrossReplicaResumeContract(cluster);
