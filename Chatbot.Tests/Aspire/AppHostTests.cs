using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using StackExchange.Redis;

namespace Chatbot.Tests.Aspire;

[Collection(AppHostCollection.Name)]
public sealed partial class AppHostTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("apiservice")]
    [InlineData("webfrontend")]
    public async Task Health_endpoint_reports_healthy(string resource)
    {
        using var http = fixture.App.CreateHttpClient(resource);

        var response = await http.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Web_home_page_answers()
    {
        using var http = fixture.App.CreateHttpClient("webfrontend");

        var response = await http.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Web_front_end_reaches_the_api_through_service_discovery()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(fixture.App.GetEndpoint("webfrontend", "http").ToString());

            await Assertions.Expect(page.Locator("[data-readiness=ready]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
    }

    [Fact]
    public async Task Api_uses_the_redis_the_apphost_started()
    {
        using var http = fixture.App.CreateHttpClient("apiservice");
        using var prewarm = new HttpRequestMessage(HttpMethod.Get, "/api/v1/chatbot/prewarm");
        prewarm.Headers.Add(IdentityHeaders.GatewaySecret, fixture.GatewaySecret);
        prewarm.Headers.Add(IdentityHeaders.Name(IdentityHeaders.UserId), "apphost-tester");

        var info = await (await http.SendAsync(prewarm)).Content.ReadAsStringAsync();

        Assert.Contains("\"memory\":\"redis\"", info);
        Assert.Contains("\"infrastructure\":\"local\"", info);
    }

    [Fact]
    public async Task Local_redis_answers_ping_on_the_connection_string_the_api_receives()
    {
        var connectionString = await ApiEnvironmentAsync($"ConnectionStrings__{StoreRegistration.RedisConnectionName}");

        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true; // for INFO
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var endpoint = redis.GetEndPoints().Single();
        var server = redis.GetServer(endpoint);
        var reply = await server.ExecuteAsync("PING");
        var processId = int.Parse(ServerInfo(await server.InfoAsync("server"), "process_id"));
        var port = endpoint switch { IPEndPoint ip => ip.Port, DnsEndPoint dns => dns.Port, _ => -1 };

        Assert.Equal("PONG", reply.ToString());
        // Local mode: the server is a redis-server process on this machine (its title names its
        // address), not a container or a remote.
        var title = Process.GetProcessById(processId).ProcessName;
        Assert.StartsWith("redis-server ", title);
        Assert.EndsWith($":{port}", title);
    }

    [Fact]
    public async Task The_apis_start_logs_no_warning_or_error_from_the_warm_up()
    {
        var logs = fixture.App.Services.GetRequiredService<ResourceLoggerService>();
        var replicas = await ApiReplicasAsync();

        Assert.Equal(AppHostFixture.ApiReplicas, replicas.Count);
        foreach (var replica in replicas)
        {
            var start = await StartOfLogAsync(logs, replica);

            Assert.Contains(start, entry => entry is ("info", "Chatbot.ApiService.Prewarm.PrewarmService"));
            Assert.DoesNotContain(start, entry => entry.Level is "warn" or "fail" or "crit" && FromTheWarmUp(entry.Category));
        }
    }

    /// <summary>The names of the API's replicas, as the AppHost's notifications give them.</summary>
    private async Task<HashSet<string>> ApiReplicasAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var replicas = new HashSet<string>();
        await foreach (var update in fixture.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == "apiservice" && replicas.Add(update.ResourceId) && replicas.Count == AppHostFixture.ApiReplicas)
            {
                return replicas;
            }
        }
        return replicas;
    }

    /// <summary>A replica's console log entries (level, category) up to its first "Prewarm finished": the tests' own traffic comes after.</summary>
    private static async Task<List<(string Level, string Category)>> StartOfLogAsync(ResourceLoggerService logs, string replica)
    {
        var entries = new List<(string Level, string Category)>();
        await foreach (var batch in logs.GetAllAsync(replica))
        {
            entries.AddRange(batch.Select(line => ConsoleEntry().Match(AnsiColour().Replace(line.Content, "")))
                .Where(match => match.Success)
                .Select(match => (match.Groups["level"].Value, match.Groups["category"].Value)));
        }
        var warmed = entries.FindIndex(entry => entry is ("info", "Chatbot.ApiService.Prewarm.PrewarmService"));
        return warmed < 0 ? entries : entries[..(warmed + 1)];
    }

    /// <summary>The warm-up itself, readiness while it runs, and its rehearsals' answers.</summary>
    private static bool FromTheWarmUp(string category) =>
        category.StartsWith("Chatbot.ApiService.Prewarm.", StringComparison.Ordinal)
        || category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks.", StringComparison.Ordinal)
        || category.StartsWith("Chatbot.ApiService.Answers.", StringComparison.Ordinal)
        || category.StartsWith("Chatbot.ApiService.Agents.", StringComparison.Ordinal);

    /// <summary>The console logger's first line of an entry: <c>warn: Category[id]</c>.</summary>
    [GeneratedRegex(@"\b(?<level>trce|dbug|info|warn|fail|crit): (?<category>[\w.]+)\[\d+\]")]
    private static partial Regex ConsoleEntry();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiColour();

    /// <summary>A variable of the API's environment as the AppHost hands it over, references resolved.</summary>
    private async Task<string> ApiEnvironmentAsync(string name)
    {
        var api = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ProjectResource>().Single(resource => resource.Name == "apiservice");
        var configuration = await ExecutionConfigurationBuilder.Create(api)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(fixture.App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, CancellationToken.None);
        var values = configuration.EnvironmentVariables.Where(variable => variable.Key == name).Select(variable => variable.Value).ToArray();
        Assert.True(values.Length == 1, $"The API gets {values.Length} values of {name}");
        return values[0];
    }

    private static string ServerInfo(IGrouping<string, KeyValuePair<string, string>>[] info, string key) =>
        info.SelectMany(section => section).Single(pair => pair.Key == key).Value;
}
