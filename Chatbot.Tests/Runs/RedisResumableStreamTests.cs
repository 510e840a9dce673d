using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Resumable runs on one real redis-server.</summary>
public sealed class RedisResumableStreamTests(RedisServerFixture redis) : RedisRunStoreContract(redis), IClassFixture<RedisServerFixture>;
