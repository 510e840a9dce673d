using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Two replicas sharing one real redis-server.</summary>
public sealed class CrossReplicaResumeTests(RedisServerFixture redis) : CrossReplicaResumeContract(redis), IClassFixture<RedisServerFixture>;
