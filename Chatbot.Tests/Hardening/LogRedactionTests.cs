using Chatbot.ApiService.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Primitives;

namespace Chatbot.Tests.Hardening;

/// <summary>The redaction safety net on its own: what it masks, what it leaves, and that providers see only its output.</summary>
public sealed class LogRedactionTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTQyIn0.dGhpcyBpcyBub3QgYSBzaWduYXR1cmU";
    private const string ConfiguredKey = "sk-configured-0a1b2c3d";

    private readonly SecretRedactor _redactor = new([ConfiguredKey]);

    [Theory]
    [InlineData("token " + Jwt + " seen", "token [redacted] seen")]
    [InlineData("Authorization: Bearer abc.def-ghi_jkl", "Authorization: [redacted]")]
    [InlineData("sent Bearer abcdefghijkl to the model", "sent Bearer [redacted] to the model")]
    [InlineData("Invalid request header: 'alteco-access-token: opaque123\\x0DX'", "Invalid request header: 'alteco-access-token: [redacted]'")]
    [InlineData("ALTECO_ACCESS_TOKEN=opaque123 next", "ALTECO_ACCESS_TOKEN=[redacted] next")]
    [InlineData("x-alteco-access-token: opaque123", "x-alteco-access-token: [redacted]")]
    [InlineData("x-gateway-secret: s3cr3t-value", "x-gateway-secret: [redacted]")]
    [InlineData("{\"x-api-key\":\"k-123456\",\"n\":1}", "{\"x-api-key\":\"[redacted]\",\"n\":1}")]
    [InlineData("GET /cb?access_token=abc123&x=1", "GET /cb?access_token=[redacted]&x=1")]
    [InlineData("redis:6379,password=hunter22,ssl=true", "redis:6379,password=[redacted],ssl=true")]
    [InlineData("upstream rejected " + ConfiguredKey, "upstream rejected [redacted]")]
    public void Masks_secrets_in_text(string text, string expected) => Assert.Equal(expected, _redactor.Redact(text));

    [Theory]
    [InlineData("Run 3f2a completed: agent knowledge, time to first token 12.5 ms, tokens 42")]
    [InlineData("Request starting HTTP/1.1 POST http://127.0.0.1:5380/api/v1/chatbot/ask_stream - application/json 58")]
    [InlineData("bedrock-runtime.us-east-1.amazonaws.com: HTTP 403")]
    [InlineData("Header alteco-user-systems is not a JSON array of text; ignoring it")]
    [InlineData("Microsoft.Extensions.AI 10.11.0, run 0af7651916cd43dd8448eb211c80319c")]
    public void Leaves_ordinary_log_text_alone(string text) => Assert.Equal(text, _redactor.Redact(text));

    [Fact]
    public void Takes_secret_values_from_settings_whose_keys_name_a_secret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Llm:OpenAI:ApiKey"] = "sk-from-settings-1",
            ["Parameters:openai-api-key"] = "sk-from-parameter-2",
            ["Chatbot:Auth:GatewaySecret"] = "gateway-secret-3",
            ["Chatbot:Llm:ModelId"] = "model-name-not-secret",
            ["Chatbot:Auth:Password"] = "short",
        }).Build();

        var redactor = SecretRedactor.FromConfiguration(configuration);

        Assert.Equal("[redacted] [redacted] [redacted] model-name-not-secret short",
            redactor.Redact("sk-from-settings-1 sk-from-parameter-2 gateway-secret-3 model-name-not-secret short"));
    }

    [Fact]
    public void Providers_see_the_message_the_structured_values_and_the_exception_redacted()
    {
        using var provider = new FakeLoggerProvider();
        using var factory = new RedactingLoggerFactory(new LoggerFactory([provider]), _redactor);
        var logger = factory.CreateLogger("Test");

        logger.LogWarning(new InvalidOperationException($"call failed with {Jwt}"), "Header {Value} from {Source}, attempt {Attempt}",
            "Bearer abcdefghijkl", new Uri($"https://example.test/?api_key={ConfiguredKey}"), 3);

        var record = Assert.Single(provider.Collector.GetSnapshot());
        Assert.Equal("Header Bearer [redacted] from https://example.test/?api_key=[redacted], attempt 3", record.Message);
        Assert.Contains(record.StructuredState!, pair => pair.Key == "Value" && pair.Value == "Bearer [redacted]");
        Assert.Contains(record.StructuredState!, pair => pair.Key == "Attempt" && pair.Value == "3");
        Assert.Contains(record.StructuredState!, pair => pair.Key == "{OriginalFormat}" && pair.Value == "Header {Value} from {Source}, attempt {Attempt}");
        Assert.Equal("call failed with [redacted]", record.Exception!.Message);
        Assert.DoesNotContain(Jwt, record.Exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), record.Exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Header_values_logged_as_a_structured_value_are_redacted()
    {
        using var provider = new FakeLoggerProvider();
        using var factory = new RedactingLoggerFactory(new LoggerFactory([provider]), _redactor);

        factory.CreateLogger("Test").LogInformation("Headers {Authorization}", (object)new StringValues(["Bearer abcdefghijkl", Jwt]));

        var record = Assert.Single(provider.Collector.GetSnapshot());
        Assert.DoesNotContain("abcdefghijkl", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.StructuredState!, pair => pair.Value is { } value && (value.Contains("abcdefghijkl", StringComparison.Ordinal) || value.Contains(Jwt, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_exception_with_nothing_to_mask_is_passed_on_as_it_is()
    {
        using var provider = new FakeLoggerProvider();
        using var factory = new RedactingLoggerFactory(new LoggerFactory([provider]), _redactor);
        var exception = new TimeoutException("the model took too long");

        factory.CreateLogger("Test").LogError(exception, "Run failed");

        Assert.Same(exception, Assert.Single(provider.Collector.GetSnapshot()).Exception);
    }
}
