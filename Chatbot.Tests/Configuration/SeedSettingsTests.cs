using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Chatbot.Tests.Configuration;

/// <summary>
/// The seed's settings, by its names, configure the real API in their place; a setting of ours,
/// when also set, wins. (By environment variable in <see cref="SeedEnvironmentTests"/>.)
/// </summary>
public sealed class SeedSettingsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    /// <summary>No MongoDB answers here (none runs in the tests), and the driver gives up on it at once.</summary>
    private const string NoMongo = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100";

    /// <summary>Replaced with the test's redis-server.</summary>
    private const string Redis = "{redis}";

    public static TheoryData<string, string, string, string> Aliases => new()
    {
        // seed variable, its value, our setting, the value it gives our setting
        { "REDIS_URL", $"redis://{Redis}", "ConnectionStrings:redis", Redis },
        { "REDIS_TTL", "90", "Chatbot:Memory:Ttl", "00:01:30" },
        { "MONGO_URI", NoMongo, "ConnectionStrings:mongo", NoMongo },
        { "MONGO_DB", "seed_db", "Chatbot:Memory:Database", "seed_db" },
        { "CHATBOT_MEMORY_COLLECTION", "seed_turns", "Chatbot:Memory:Collection", "seed_turns" },
        { "PROJECT_NAME", "Chatbot Service", "Chatbot:Service:Name", "Chatbot Service" },
        { "VERSION", "1.0.0", "Chatbot:Service:Version", "1.0.0" },
        { "API_V1_STR", "/seed/v1", "Chatbot:Service:RoutePrefix", "/seed/v1" },
    };

    [Theory]
    [MemberData(nameof(Aliases))]
    public async Task A_seed_variable_sets_our_setting(string variable, string value, string setting, string expected)
    {
        await using var api = Api().With(variable, AtRedis(value));

        Assert.Equal(AtRedis(expected), api.Services.GetRequiredService<IConfiguration>()[setting]);
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public async Task Our_setting_wins_over_the_seed_variable(string variable, string value, string setting, string _)
    {
        var ours = setting switch
        {
            "ConnectionStrings:redis" => AtRedis($"{Redis},name=ours"),
            "ConnectionStrings:mongo" => NoMongo + "&appName=ours",
            "Chatbot:Memory:Ttl" => "00:00:42",
            "Chatbot:Service:RoutePrefix" => "/ours",
            _ => "ours",
        };
        await using var api = Api().With(variable, AtRedis(value)).With(setting, ours);

        Assert.Equal(ours, api.Services.GetRequiredService<IConfiguration>()[setting]);
    }

    [Fact]
    public async Task Redis_url_and_ttl_put_hot_memory_in_that_redis_database_expiring_as_the_seed_said()
    {
        const string conversation = "seed-redis-1";
        await using var api = Api().With("REDIS_URL", $"redis://127.0.0.1:{redis.Port}/3").With("REDIS_TTL", "90");
        using var http = api.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?", conversation));

        Assert.NotEmpty(events);
        Assert.Contains("\"memory\":\"redis\"", await http.GetStringAsync(ChatbotRoutes.Prewarm));
        TimeSpan? expiry = null;
        Assert.True(await Eventually.HoldsAsync(async () => (expiry = await TurnsExpiryAsync(conversation, database: 3)) is not null));
        Assert.InRange(expiry!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Mongo_uri_db_and_collection_name_the_archive()
    {
        await using var api = Api()
            .With("MONGO_URI", NoMongo)
            .With("MONGO_DB", "seed_db")
            .With("CHATBOT_MEMORY_COLLECTION", "seed_turns");
        using var http = api.CreateClient();

        Assert.Contains("\"archive\":\"mongodb\"", await http.GetStringAsync(ChatbotRoutes.Prewarm));
        Assert.Equal("seed_db", api.Services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);
        Assert.Equal("seed_turns", api.Services.GetRequiredService<IOptions<MemoryOptions>>().Value.Collection);
    }

    [Fact]
    public async Task Api_v1_str_serves_the_api_under_that_prefix_too()
    {
        await using var api = Api().With("API_V1_STR", "/seed/v2");
        using var http = api.CreateClient();

        using var seedRoute = new HttpRequestMessage(HttpMethod.Post, "/seed/v2/chatbot/ask_stream") { Content = JsonContent.Create(new QuestionRequest("What is CAPEX?")) };
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.WithHeaders(seedRoute, (StreamHeaders.Stream, "true")));
        var health = await http.GetAsync("/seed/v2/chatbot/health");
        var ours = await http.GetAsync(ChatbotRoutes.Health);

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (health.StatusCode, ours.StatusCode));
    }

    [Fact]
    public async Task Project_name_and_version_name_the_service_and_its_openapi_document()
    {
        await using var api = Api().With("PROJECT_NAME", "Chatbot Service").With("VERSION", "1.2.3");
        using var http = api.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var root = await http.GetStringAsync("/");

        Assert.Equal("Chatbot Service", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("1.2.3", document.RootElement.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("""{"service":"Chatbot Service"}""", root);
    }

    private string AtRedis(string value) => value.Replace(Redis, $"127.0.0.1:{redis.Port}", StringComparison.Ordinal);

    private static ApiFactory Api() => new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");

    /// <summary>The expiry of the conversation's turns in <paramref name="database"/>, once they are there.</summary>
    private async Task<TimeSpan?> TurnsExpiryAsync(string conversation, int database)
    {
        var server = redis.Client.GetServers().Single();
        var keys = server.Keys(database, $"{RedisConversationKeys.Prefix}*conv:{conversation}").ToArray();
        return keys.Length == 0 ? null : await redis.Client.GetDatabase(database).KeyTimeToLiveAsync(keys[0]);
    }
}
