using System.Net;
using System.Security.Claims;
using System.Text;
using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Tests.Hardening;

/// <summary>Whose identity the API believes, in each mode.</summary>
public sealed class AuthModeTests
{
    private const string Secret = "gateway-secret-0123456789";
    private const string SigningKey = TestTokens.SigningKey;
    private static readonly (string, string)[] HamburgUser = CallerHeaders.Of(new AltecoContext { UserId = "u-100", TenantId = "t-100", UserSystems = ["PV-001"] });

    private static ApiFactory Gateway() => new ApiFactory().With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret);

    [Fact]
    public async Task Gateway_mode_refuses_identity_headers_without_the_secret()
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        var (ask, _) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null, HamburgUser));
        var prewarm = await http.GetAsync(ChatbotRoutes.Prewarm);

        Assert.Equal(HttpStatusCode.Unauthorized, ask.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prewarm.StatusCode);
        Assert.Equal("application/problem+json", ask.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Gateway_mode_refuses_a_wrong_secret()
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        var (ask, _) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null, [.. HamburgUser, CallerHeaders.GatewaySecret(Secret + "x")]));

        Assert.Equal(HttpStatusCode.Unauthorized, ask.StatusCode);
    }

    [Fact]
    public async Task Gateway_mode_trusts_headers_that_come_with_the_secret()
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        var (ask, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null, [.. HamburgUser, CallerHeaders.GatewaySecret(Secret)]));

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("**PV-001**", ChatbotClient.Answer(events));
    }

    [Fact]
    public async Task Gateway_mode_refuses_a_trusted_request_that_names_no_user()
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        var (ask, _) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?", null, CallerHeaders.GatewaySecret(Secret)));

        Assert.Equal(HttpStatusCode.Unauthorized, ask.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_stay_open_in_gateway_mode()
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ChatbotRoutes.Health)).StatusCode);
    }

    [Fact]
    public void A_trusted_proxy_address_or_network_is_the_gateway_without_the_secret()
    {
        var proof = Proof("10.1.2.3", "10.8.0.0/16");

        Assert.True(proof.IsProven(Request(IPAddress.Parse("10.1.2.3"))));
        Assert.True(proof.IsProven(Request(IPAddress.Parse("10.8.200.1"))));
        Assert.True(proof.IsProven(Request(IPAddress.Parse("10.1.2.3").MapToIPv6())));
        Assert.False(proof.IsProven(Request(IPAddress.Parse("10.9.9.9"))));
    }

    [Fact]
    public void The_gateway_is_judged_by_the_connection_not_by_the_address_a_forwarded_header_put_in_its_place()
    {
        var proof = Proof("10.1.2.3");
        var spoofed = Request(IPAddress.Parse("203.0.113.9"));
        spoofed.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3"); // what X-Forwarded-For: 10.1.2.3 makes of it

        Assert.False(proof.IsProven(spoofed));
    }

    [Fact]
    public void A_trusted_proxy_entry_that_is_not_an_address_is_refused_naming_the_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Proof("gateway.internal"));

        Assert.Contains("Chatbot:Auth:TrustedProxies", failure.Message);
    }

    [Fact]
    public async Task Jwt_mode_takes_identity_from_a_valid_token_and_ignores_headers()
    {
        await using var factory = Jwt();
        using var http = factory.CreateClient();
        var token = Token(new Claim("sub", "u-100"), new Claim("tenant_id", "t-100"), new Claim("user_systems", """["PV-002"]"""));

        var (ask, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null,
            ("Authorization", $"Bearer {token}"), CallerHeaders.Field(IdentityHeaders.Systems, """["PV-003"]"""), CallerHeaders.Field(IdentityHeaders.Role, AltecoContext.SuperAdminRole)));

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var answer = ChatbotClient.Answer(events);
        Assert.Contains("**PV-002**", answer);
        Assert.DoesNotContain("PV-003", answer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("expired")]
    [InlineData("wrong-key")]
    public async Task Jwt_mode_refuses_a_missing_or_invalid_token(string? kind)
    {
        await using var factory = Jwt();
        using var http = factory.CreateClient();
        var token = kind switch
        {
            "expired" => Token(DateTime.UtcNow.AddHours(-2), SigningKey, new Claim("sub", "u-1")),
            "wrong-key" => Token(DateTime.UtcNow.AddHours(1), SigningKey + "-other", new Claim("sub", "u-1")),
            _ => kind,
        };
        (string, string)[] headers = token is null ? [] : [("Authorization", $"Bearer {token}")];

        var (ask, _) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?", null, headers));

        Assert.Equal(HttpStatusCode.Unauthorized, ask.StatusCode);
    }

    [Theory]
    [InlineData("gateway", "gateway", "apiKey", IdentityHeaders.GatewaySecret)]
    [InlineData("jwt", "Bearer", "http", null)]
    public async Task The_openapi_document_shows_how_a_caller_proves_who_it_is(string mode, string scheme, string type, string? header)
    {
        await using var factory = mode == "jwt" ? Jwt() : Gateway();
        using var http = factory.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));

        var declared = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(scheme);
        Assert.Equal(type, declared.GetProperty("type").GetString());
        Assert.Equal(header, declared.TryGetProperty("name", out var name) ? name.GetString() : null);
        Assert.True(document.RootElement.GetProperty("security")[0].TryGetProperty(scheme, out _));
    }

    [Fact]
    public void Development_mode_is_refused_in_production()
    {
        var failure = Validate(new AuthOptions { Mode = "development" }, Environments.Production);

        Assert.True(failure.Failed);
        Assert.Contains("refused in Production", failure.FailureMessage);
    }

    [Fact]
    public void Production_defaults_to_gateway_mode_and_refuses_to_start_without_a_secret()
    {
        Assert.Contains("Chatbot:Auth:GatewaySecret", Validate(new AuthOptions(), Environments.Production).FailureMessage);
        Assert.True(Validate(new AuthOptions { GatewaySecret = Secret }, Environments.Production).Succeeded);
        Assert.Equal(AuthMode.Gateway, Selector(new AuthOptions { GatewaySecret = Secret }, Environments.Production).Mode);
        Assert.Equal(AuthMode.Development, Selector(new AuthOptions(), Environments.Development).Mode);
    }

    [Theory]
    [InlineData("user-id,user-rank", "'user-rank', which is no identity field")]
    [InlineData("user-tenant-id,user-systems", "must list user-id")]
    public void Gateway_mode_refuses_to_start_with_gateway_fields_it_cannot_read_naming_the_setting(string fields, string problem)
    {
        var failure = Validate(new AuthOptions { GatewaySecret = Secret, GatewayFields = fields.Split(',') }, Environments.Production);

        Assert.True(failure.Failed);
        Assert.Contains($"{AuthOptions.GatewayFieldsSetting}", failure.FailureMessage);
        Assert.Contains(problem, failure.FailureMessage);
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_web_origins()
    {
        await using var factory = new ApiFactory().With("Chatbot:Cors:Origins:0", "https://chat.example.com");
        using var http = factory.CreateClient();

        var allowed = await Preflight(http, "https://chat.example.com");
        var refused = await Preflight(http, "https://evil.example.com");

        Assert.Equal("https://chat.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_lets_a_browser_client_read_the_headers_it_resumes_a_run_with()
    {
        await using var factory = new ApiFactory().With("Chatbot:Cors:Origins:0", "https://chat.example.com");
        using var http = factory.CreateClient();
        var request = ChatbotClient.AskRequest("What is CAPEX?", null, (StreamHeaders.Resumable, "true"), ("Origin", "https://chat.example.com"));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains(StreamHeaders.RunId, exposed);
        Assert.Contains(StreamHeaders.ResumableRun, exposed);
        Assert.Equal("true", response.Headers.GetValues(StreamHeaders.ResumableRun).Single());
    }

    private static ApiFactory Jwt() => TestTokens.JwtApi();

    private static string Token(params Claim[] claims) => TestTokens.Create(claims);

    private static string Token(DateTime expires, string key, params Claim[] claims) => TestTokens.Create(expires, key, claims);

    private static async Task<HttpResponseMessage> Preflight(HttpClient http, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, ChatbotRoutes.AskStream);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", $"content-type,{StreamHeaders.Stream}");
        return await http.SendAsync(request);
    }

    private static ValidateOptionsResult Validate(AuthOptions options, string environment) =>
        new AuthOptionsValidator(new TestEnvironment(environment)).Validate(null, options);

    private static AuthModeSelector Selector(AuthOptions options, string environment) =>
        new(Options.Create(options), new TestEnvironment(environment), NullLogger<AuthModeSelector>.Instance);

    private static GatewayProof Proof(params string[] trusted) => new(null, IdentityHeaders.GatewaySecret, trusted, "Chatbot:Auth:TrustedProxies");

    /// <summary>A request whose connection comes from <paramref name="connection"/>, as the service defaults capture it.</summary>
    private static DefaultHttpContext Request(IPAddress connection)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = connection;
        context.Features.Set(new ConnectionAddress(connection));
        return context;
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Chatbot.ApiService";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
