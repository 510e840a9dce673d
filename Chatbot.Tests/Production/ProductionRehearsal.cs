using Chatbot.LocalServers;
using Chatbot.Tests.Browser;
using Chatbot.Tests.Identity.Provider;
using Chatbot.Tests.Memory.Support;
using Microsoft.Playwright;

namespace Chatbot.Tests.Production;

/// <summary>
/// What <c>azd up</c> deploys, rehearsed on loopback: the published API and web front end
/// (Release, Production, the environment <c>aspire-manifest.json</c> gives them with its parameters
/// filled in), a real Redis, a real OpenID Connect provider and Chromium. Besides the deployed
/// pair (web in oidc mode, API in gateway mode): the web in the platform gateway's mode, the web
/// passing the user's access token to an API in jwt mode, a web whose sessions last seconds, and
/// the demo identity set explicitly.
/// </summary>
public sealed class ProductionRehearsal : IAsyncLifetime
{
    public const string ClientId = "chatbot-web";
    public const string ClientSecret = "rehearsal-client-secret";
    public const string PlatformSecret = "platform-gateway-secret-42";
    public static readonly TimeSpan ShortSession = TimeSpan.FromSeconds(10);

    /// <summary>How often an open chat re-checks its session here (30 s by default), so a test can wait it out.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(2);

    private readonly RedisServerFixture _redis = new();
    private Dictionary<string, string> _webEnvironment = null!;
    private readonly Ports _ports = new();
    private IPlaywright? _playwright;

    public OidcTestProvider Provider { get; private set; } = null!;
    public ServiceProcess Api { get; private set; } = null!;
    public ServiceProcess Web { get; private set; } = null!;
    public ServiceProcess GatewayWeb { get; private set; } = null!;
    public ServiceProcess TokenApi { get; private set; } = null!;
    public ServiceProcess TokenWeb { get; private set; } = null!;
    public ServiceProcess ShortSessionWeb { get; private set; } = null!;
    public ServiceProcess DemoWeb { get; private set; } = null!;

    /// <summary>A web in oidc mode at an address the operator has not registered with the provider.</summary>
    public ServiceProcess UnregisteredWeb { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The Redis the deployed services share, as an attacker with access to it would see it.</summary>
    public StackExchange.Redis.IDatabase Redis => _redis.Client.GetDatabase();

    public async Task InitializeAsync()
    {
        var (api, web) = (await PublishedServices.ApiAsync(), await PublishedServices.WebAsync());
        await _redis.InitializeAsync();
        Provider = await OidcTestProvider.StartAsync(Client(), [RehearsalUsers.Alice, RehearsalUsers.Bob, RehearsalUsers.Dave]);
        var manifest = new ManifestEnvironment(ManifestValues());

        (Api, TokenApi) = (await StartAsync(api, _ports.Api, manifest.For("apiservice")), await StartAsync(api, _ports.TokenApi, TokenApiEnvironment(manifest)));
        _webEnvironment = WebEnvironment(manifest, _ports.Api);
        var started = await Task.WhenAll(
            StartAsync(web, _ports.Web, _webEnvironment),
            StartAsync(web, _ports.GatewayWeb, WebEnvironment(manifest, _ports.Api, GatewayMode())),
            StartAsync(web, _ports.TokenWeb, WebEnvironment(manifest, _ports.TokenApi, [new("Chatbot__Identity__Oidc__ApiCredential", "token")])),
            StartAsync(web, _ports.ShortSessionWeb, WebEnvironment(manifest, _ports.Api, [new("Chatbot__Identity__SessionLifetime", ShortSession.ToString())])),
            StartAsync(web, _ports.DemoWeb, WebEnvironment(manifest, _ports.Api, [new("Chatbot__Identity__Mode", "demo")])),
            StartAsync(web, _ports.UnregisteredWeb, WebEnvironment(manifest, _ports.Api)));
        (Web, GatewayWeb, TokenWeb, ShortSessionWeb, DemoWeb, UnregisteredWeb) = (started[0], started[1], started[2], started[3], started[4], started[5]);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>Kills the deployed web front end and starts it again, as a new revision or a crash would.</summary>
    public async Task RestartWebAsync()
    {
        await Web.DisposeAsync();
        Web = await StartAsync(await PublishedServices.WebAsync(), _ports.Web, _webEnvironment);
    }

    /// <summary>A manifest environment for a service started by a test itself.</summary>
    public ManifestEnvironment Manifest() => new(ManifestValues());

    /// <summary>A fresh browser (its own cookies), optionally sending extra headers on every request.</summary>
    public async Task<IPage> NewPageAsync(ServiceProcess web, IDictionary<string, string>? extraHeaders = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl,
            ExtraHTTPHeaders = extraHeaders?.ToDictionary(),
            ViewportSize = new() { Width = 1100, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var service in new[] { Web, GatewayWeb, TokenWeb, ShortSessionWeb, DemoWeb, UnregisteredWeb, Api, TokenApi })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
        await _redis.DisposeAsync();
    }

    private OidcTestClient Client()
    {
        var webs = new[] { _ports.Web, _ports.TokenWeb, _ports.ShortSessionWeb }.Select(port => $"http://127.0.0.1:{port}").ToArray();
        return new(ClientId, ClientSecret,
            webs.Select(web => new Uri(web + "/signin-oidc")).ToArray(),
            webs.Select(web => new Uri(web + "/signout-callback-oidc")).ToArray());
    }

    /// <summary>What an operator gives azd, and what Container Apps would bind; the rest is the manifest's own.</summary>
    private Dictionary<string, string> ManifestValues() => new()
    {
        ["apiservice.bindings.http.targetPort"] = _ports.Api.ToString(),
        ["apiservice.bindings.http.url"] = $"http://127.0.0.1:{_ports.Api}",
        ["apiservice.bindings.https.url"] = $"http://127.0.0.1:{_ports.Api}",
        ["webfrontend.bindings.http.targetPort"] = _ports.Web.ToString(),
        ["redis.value"] = _redis.ConnectionString,
        // No MongoDB server here: the archive is off, as the API falls back when none is given.
        ["mongo.value"] = "",
        ["oidc-authority.value"] = Provider.Authority,
        ["oidc-client-id.value"] = ClientId,
        ["oidc-client-secret.value"] = ClientSecret,
        ["session-keys-certificate.value"] = SessionKeysCertificate.Base64,
        ["openai-api-key.value"] = "",
    };

    private static Dictionary<string, string> WebEnvironment(ManifestEnvironment manifest, int apiPort, params KeyValuePair<string, string>[] changes)
    {
        var environment = manifest.For("webfrontend");
        environment["services__apiservice__http__0"] = environment["services__apiservice__https__0"] = $"http://127.0.0.1:{apiPort}";
        // The provider runs on loopback over HTTP; a real one is HTTPS and this stays true.
        environment["Chatbot__Identity__Oidc__RequireHttpsMetadata"] = "false";
        environment["Chatbot__Identity__RevalidationInterval"] = RevalidationInterval.ToString();
        // Alice's tenant and assets reach the web only this way (RehearsalUsers).
        environment["Chatbot__Identity__Oidc__GetClaimsFromUserInfoEndpoint"] = "true";
        foreach (var (key, value) in changes)
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>The identity fields the rehearsed platform gateway sets; it passes the browser's other headers through.</summary>
    public const string PlatformGatewayFields = "user-id,user-name,user-tenant-id,user-systems,user-charge-points,user-storage";

    private static KeyValuePair<string, string>[] GatewayMode() =>
    [
        new("Chatbot__Identity__Mode", "gateway"),
        new("Chatbot__Identity__Gateway__Secret", PlatformSecret),
        new("Chatbot__Identity__Gateway__Fields", PlatformGatewayFields),
    ];

    /// <summary>The same API, told to believe the provider's access tokens instead of the gateway.</summary>
    private Dictionary<string, string> TokenApiEnvironment(ManifestEnvironment manifest)
    {
        var environment = manifest.For("apiservice");
        environment["Chatbot__Auth__Mode"] = "jwt";
        environment["Chatbot__Auth__Jwt__Authority"] = Provider.Authority;
        environment["Chatbot__Auth__Jwt__Audience"] = OidcTestProvider.ApiAudience;
        environment["Chatbot__Auth__Jwt__RequireHttpsMetadata"] = "false";
        return environment;
    }

    /// <summary>Each start gets an empty home folder, as a new container has: nothing survives there.</summary>
    private static Task<ServiceProcess> StartAsync(string assembly, int port, Dictionary<string, string> environment) =>
        ServiceProcess.StartAsync(assembly, Path.GetDirectoryName(assembly)!, port,
            new Dictionary<string, string>(environment) { ["HOME"] = Directory.CreateTempSubdirectory("chatbot-home-").FullName });

    private sealed class Ports
    {
        public int Api { get; } = FreePort.Next();
        public int TokenApi { get; } = FreePort.Next();
        public int Web { get; } = FreePort.Next();
        public int GatewayWeb { get; } = FreePort.Next();
        public int TokenWeb { get; } = FreePort.Next();
        public int ShortSessionWeb { get; } = FreePort.Next();
        public int DemoWeb { get; } = FreePort.Next();
        public int UnregisteredWeb { get; } = FreePort.Next();
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionRehearsalCollection : ICollectionFixture<ProductionRehearsal>
{
    public const string Name = "Production rehearsal";
}
