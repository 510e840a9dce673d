using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Resumable runs on a real Redis Cluster of three masters: each run's keys share its hash tag, so every script runs on one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterResumableStreamTests(RedisClusterFixture cluster) : RedisRunStoreContract(cluster);
