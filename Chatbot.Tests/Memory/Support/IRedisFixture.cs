using StackExchange.Redis;

namespace Chatbot.Tests.Memory.Support;

/// <summary>A real Redis for a test class: one node, or a cluster of several.</summary>
public interface IRedisFixture : IAsyncLifetime
{
    /// <summary>For the API's <c>ConnectionStrings:redis</c>.</summary>
    string ConnectionString { get; }

    ConnectionMultiplexer Client { get; }
}
