using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;

namespace Chatbot.Tests.Feedback;

/// <summary>Feedback over HTTP on a real redis-server.</summary>
public sealed class RedisFeedbackApiTests(RedisServerFixture redis) : FeedbackApiContract, IClassFixture<RedisServerFixture>
{
    protected override ApiFactory CreateFactory() => new ApiFactory().With("ConnectionStrings:redis", redis.ConnectionString);
}
