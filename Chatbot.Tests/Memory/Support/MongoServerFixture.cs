using MongoDB.Driver;

namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// A throwaway database on the MongoDB server named by <c>CHATBOT_TEST_MONGODB</c> (dropped
/// afterwards); none when the variable is unset, and the live tests skip.
/// </summary>
public sealed class MongoServerFixture : IAsyncLifetime
{
    public const string Variable = "CHATBOT_TEST_MONGODB";
    public const string SkipReason = $"Set {Variable} to a MongoDB connection string to run the live MongoDB tests.";

    private IMongoClient? _client;

    public string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public IMongoDatabase? Database { get; private set; }

    public Task InitializeAsync()
    {
        if (ConnectionString is not null)
        {
            _client = new MongoClient(ConnectionString);
            Database = _client.GetDatabase($"chatbot_test_{Guid.NewGuid():N}");
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is not null && Database is not null)
        {
            await _client.DropDatabaseAsync(Database.DatabaseNamespace.DatabaseName);
        }
        _client?.Dispose();
    }
}
