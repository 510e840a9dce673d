using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Api;

/// <summary>The conversation endpoints on a real redis-server.</summary>
public sealed class RedisConversationEndpointsTests(RedisServerFixture redis) : ConversationEndpointsContract, IClassFixture<RedisServerFixture>
{
    protected override ApiFactory CreateFactory() => new ApiFactory().With("ConnectionStrings:redis", redis.ConnectionString);
}
