using System.Net;
using Chatbot.Contracts.Streaming;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Web.Identity;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory;

/// <summary>
/// The Redis users docs/deploy.md tells operators to make when the API and the web share one Redis:
/// each limited to its own keys and channels. The API answers, resumes and lists with its user and
/// cannot touch the web's session keys or sessions; the web's key ring and sessions work with its own.
/// </summary>
public sealed class RedisUsersTests : IAsyncLifetime
{
    private const string ApiPassword = "api-password";
    private const string WebPassword = "web-password";

    private static readonly string[] ApiUser =
        ["chatbot-api", "on", ">" + ApiPassword, "resetkeys", "~chatbot:{*", "~chatbot:run:*", "~chatbot:open-answers:*", "resetchannels", "&chatbot:run*", "+@all"];

    private static readonly string[] WebUser = ["chatbot-web", "on", ">" + WebPassword, "resetkeys", "~chatbot:web:*", "resetchannels", "+@all"];

    private static readonly (string, string)[] Caller = [("alteco-user-id", "u-1"), ("alteco-user-tenant-id", "t-100")];

    private readonly int _port = FreePort.Next();
    private RedisProcess? _server;

    public async Task InitializeAsync() =>
        _server = await RedisProcess.StartAsync(_port, ["--save", "", "--appendonly", "no", "--user", .. ApiUser, "--user", .. WebUser]);

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_api_answers_resumes_and_lists_with_a_user_limited_to_its_own_keys()
    {
        await using var api = new ApiFactory().With("ConnectionStrings:redis", ConnectionString("chatbot-api", ApiPassword));
        using var http = api.CreateClient();

        var (runId, _, _) = await Runs.Support.ResumableClient.ReadThenDropAsync(http, Runs.Support.ResumableClient.AskRequest("What is the payback of a PV system?", null, Caller), 3);
        var (resumed, events) = await Runs.Support.ResumableClient.ResumeAsync(http, runId, 0, Caller);
        using var list = await http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, "/api/v1/chatbot/conversations"), Caller));

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Contains(events, e => e.Type == StreamEventTypes.Complete);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("payback", await list.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // In Redis, not in the in-process fallback an API without Redis would use.
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_port}");
        Assert.NotEmpty(admin.GetServers().Single().Keys(pattern: "chatbot:{o:*"));
        Assert.NotEmpty(admin.GetServers().Single().Keys(pattern: "chatbot:run:*"));
    }

    [Fact]
    public async Task The_apis_user_cannot_read_or_write_the_webs_session_keys_or_sessions()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString("chatbot-api", ApiPassword));
        var db = redis.GetDatabase();

        await Assert.ThrowsAsync<RedisServerException>(() => db.ListRangeAsync(SessionKeyRing.RedisKey));
        await Assert.ThrowsAsync<RedisServerException>(() => db.ListRightPushAsync(SessionKeyRing.RedisKey, "<key/>"));
        await Assert.ThrowsAsync<RedisServerException>(() => db.KeyDeleteAsync(SessionStore.RedisKeyPrefix + "someone"));
    }

    [Fact]
    public async Task The_webs_key_ring_and_sessions_work_with_a_user_limited_to_its_own_keys()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString("chatbot-web", WebPassword));
        var keys = new RedisXmlRepository(() => redis.GetDatabase(), SessionKeyRing.RedisKey);
        using var sessions = new RedisCache(new RedisCacheOptions
        {
            InstanceName = SessionStore.RedisKeyPrefix,
            ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis),
        });

        keys.StoreElement(new System.Xml.Linq.XElement("key", "k"), "k");
        await sessions.SetAsync("id", [1, 2, 3], new());

        Assert.Single(keys.GetAllElements());
        Assert.Equal([1, 2, 3], await sessions.GetAsync("id"));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.GetDatabase().StringGetAsync("chatbot:{o:t-100%2Fu-1}:convs"));
    }

    private string ConnectionString(string user, string password) => $"127.0.0.1:{_port},user={user},password={password},abortConnect=false";
}
