using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Logging;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Chatbot.Tests.Providers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// With every log category at Trace, requests carrying access tokens, JWTs, gateway secrets and
/// API keys, and a model provider with an API key, leave none of them in any log line; error
/// events and ProblemDetails carry no exception text.
/// </summary>
public sealed class LogLeakTests : IAsyncLifetime
{
    private const string AccessToken = "opaque-access-token-5f1c0e";
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTQyIiwicm9sZSI6InN1cGVyQWRtaW4ifQ.c2lnbmF0dXJlLW5vdC1yZWFs";
    private const string GatewaySecret = "gateway-secret-8d2a71";
    private const string ApiKeyHeader = "client-api-key-3b9e44";
    private const string ProviderKey = "sk-provider-key-LEAKCHECK-77";

    private static readonly string[] Secrets = [AccessToken, Jwt, GatewaySecret, ApiKeyHeader, ProviderKey, "c2lnbmF0dXJlLW5vdC1yZWFs"];

    private readonly FakeOpenAIServer _model = new();
    private ApiFactory _api = null!;
    private Uri _server = null!;

    public async Task InitializeAsync()
    {
        await _model.StartAsync();
        _api = new ApiFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Chatbot:Llm:Provider", "openai")
            .With("Chatbot:Llm:ModelId", "fake-reasoner")
            .With("Chatbot:Llm:OpenAI:Endpoint", _model.BaseAddress + "/v1")
            .With("Chatbot:Llm:OpenAI:ApiKey", ProviderKey);
        _server = KestrelApi.Start(_api);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Requests_carrying_secrets_leave_none_in_the_logs()
    {
        using var http = new HttpClient { BaseAddress = _server };

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(WithSecrets(new HttpRequestMessage(HttpMethod.Get, $"{ChatbotRoutes.Prewarm}?conversation_id=leak-1")))).StatusCode);
        var (streamed, events) = await ChatbotClient.StreamAsync(http, WithSecrets(ChatbotClient.AskRequest("How do solar panels work?", "leak-1")));
        var plain = await http.SendAsync(WithSecrets(new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream)
        {
            Content = JsonContent.Create(new QuestionRequest("How do solar panels work?", "leak-2")),
        }));
        var bad = await http.SendAsync(WithSecrets(new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream)
        {
            Content = new StringContent("{\"question\":", Encoding.UTF8, "application/json"),
        }));

        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Contains(events, e => e.Type == StreamEventTypes.Complete);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(_model.Requests, request => request.Headers["Authorization"] == $"Bearer {ProviderKey}");
        Assert.Contains(_api.Logs.Lines, line => line.StartsWith("Trace", StringComparison.Ordinal));
        AssertNoSecretLogged();
    }

    [Theory]
    [InlineData("alteco-access-token: " + AccessToken + "\rX")]
    [InlineData("Authorization: Bearer " + Jwt + "\rX")]
    [InlineData("x-gateway-secret: " + GatewaySecret + "\rX")]
    [InlineData("x-api-key : " + ApiKeyHeader)]
    [InlineData("x-note: " + Jwt + "\rX")]
    public async Task A_malformed_header_line_that_Kestrel_quotes_in_its_log_is_redacted(string headerLine)
    {
        var body = Encoding.UTF8.GetBytes(BodyMutator.ValidJson("What is OPEX?", "leak-raw"));

        var response = await RawHttp.SendAsync(_server, RawHttp.Post(_server, ChatbotRoutes.AskStream, headerLine + "\r\n", body));

        Assert.Equal(400, response.Status);
        Assert.Contains(_api.Logs.Lines, line => line.Contains("Invalid request header", StringComparison.Ordinal) && line.Contains(SecretRedactor.Mask, StringComparison.Ordinal));
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task A_failing_run_shows_no_exception_text_to_the_client_and_logs_it_redacted()
    {
        var failure = new InvalidOperationException($"upstream said 401 for key {ProviderKey} at /work/secret/Client.cs:line 42");
        await using var api = new ApiFactory().With("Chatbot:Llm:OpenAI:ApiKey", ProviderKey).WithModel(new RecordingChatClient { FailAfterFirstToken = failure });
        using var http = api.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "fail-1"));
        var plain = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is OPEX?", "fail-2"));

        var error = Assert.Single(events, e => e.Type == StreamEventTypes.Error);
        Assert.DoesNotContain("upstream", error.RawData, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.RawData, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, plain.StatusCode);
        var problem = await plain.Content.ReadAsStringAsync();
        Assert.DoesNotContain("upstream", problem, StringComparison.Ordinal);
        Assert.Null(ProblemShape.Flaw(502, plain.Content.Headers.ContentType?.MediaType, WithoutCorrelationId(problem)));
        Assert.Contains(api.Logs.Lines, line => line.Contains("upstream said 401 for key [redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(ProviderKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_with_only_a_trace_id()
    {
        await using var api = new ApiFactory();
        using var http = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IOptions<StreamingOptions>>(new BrokenOptions()))).CreateClient();

        var response = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", "broken-1"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(BrokenOptions.Message, body, StringComparison.Ordinal);
        Assert.Null(ProblemShape.Flaw(500, response.Content.Headers.ContentType?.MediaType, body));
    }

    private static HttpRequestMessage WithSecrets(HttpRequestMessage request)
    {
        return ChatbotClient.WithHeaders(request,
            CallerHeaders.User("leak-user"),
            CallerHeaders.Field(IdentityHeaders.AccessToken, AccessToken),
            ("Authorization", $"Bearer {Jwt}"),
            CallerHeaders.GatewaySecret(GatewaySecret),
            ("x-api-key", ApiKeyHeader));
    }

    private void AssertNoSecretLogged()
    {
        var leaks = _api.Logs.Lines.Where(line => Secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).ToArray();
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }

    /// <summary>A 502 names the run's correlation id, which is the one extra member it may have.</summary>
    private static string WithoutCorrelationId(string problem)
    {
        var members = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(problem)!;
        members.Remove(StreamEventFields.CorrelationId);
        return JsonSerializer.Serialize(members);
    }

    private sealed class BrokenOptions : IOptions<StreamingOptions>
    {
        public const string Message = "secret internal state at /work/broken/Options.cs";

        public StreamingOptions Value => throw new InvalidOperationException(Message);
    }
}
