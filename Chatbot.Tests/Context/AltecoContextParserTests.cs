using System.Text;
using Chatbot.ApiService.Context;
using Chatbot.Tests.Api.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tests.Context;

public sealed class AltecoContextParserTests
{
    private readonly AltecoContextParser _parser = new(NullLogger<AltecoContextParser>.Instance);

    [Theory]
    [InlineData("alteco-user-id")]
    [InlineData("x-alteco-user-id")]
    [InlineData("ALTECO_USER_ID")]
    [InlineData("alteco_user_id")]
    [InlineData("x-ALTECO_USER_ID")]
    public void Reads_every_spelling_of_a_header(string name)
    {
        var identity = _parser.Parse(Headers((name, "u-42")));

        Assert.Equal("u-42", identity.UserId);
    }

    [Fact]
    public void Decodes_the_base64_user_name()
    {
        var identity = _parser.Parse(Headers(("alteco-user-name", Convert.ToBase64String(Encoding.UTF8.GetBytes("Jürgen Müller")))));

        Assert.Equal("Jürgen Müller", identity.UserName);
    }

    [Fact]
    public void Keeps_a_user_name_that_is_not_base64_as_sent()
    {
        var identity = _parser.Parse(Headers(("alteco-user-name", "not base64!")));

        Assert.Equal("not base64!", identity.UserName);
    }

    [Fact]
    public void Parses_the_json_asset_lists()
    {
        var identity = _parser.Parse(Headers(
            ("alteco-user-systems", """["PV-001","PV-002"]"""),
            ("alteco-user-charge-points", """["CP-101"]"""),
            ("x-alteco-user-storage", """["BAT-501"]"""),
            ("alteco-user-groups", """["ops"]""")));

        Assert.Equal(["PV-001", "PV-002"], identity.UserSystems);
        Assert.Equal(["CP-101"], identity.ChargePoints);
        Assert.Equal(["BAT-501"], identity.Storage);
        Assert.Equal(["ops"], identity.Groups);
    }

    [Theory]
    [InlineData("[\"PV-001\"")]
    [InlineData("{\"a\":1}")]
    [InlineData("PV-001")]
    public void Ignores_a_malformed_asset_list(string value)
    {
        var identity = _parser.Parse(Headers(("alteco-user-systems", value)));

        Assert.Empty(identity.UserSystems);
    }

    [Fact]
    public void Only_the_superAdmin_role_is_alteco()
    {
        Assert.True(_parser.Parse(Headers(("alteco-user-role", "superAdmin"))).IsAlteco);
        Assert.False(_parser.Parse(Headers(("alteco-user-role", "admin"))).IsAlteco);
    }

    [Fact]
    public void Owner_is_tenant_and_user_and_anonymous_without_identity()
    {
        Assert.Equal("t-1/u-1", _parser.Parse(Headers(("alteco-user-tenant-id", "t-1"), ("alteco-user-id", "u-1"))).Owner);
        Assert.Equal("-/anonymous", _parser.Parse(Headers()).Owner);
    }

    [Fact]
    public void The_description_never_contains_the_access_token_or_who_asked()
    {
        var identity = _parser.Parse(Headers(("alteco-access-token", "eyJhbGciOi.secret.token"), ("alteco-user-id", "u-1"), ("alteco-user-email", "a@b.c")));

        Assert.Equal("eyJhbGciOi.secret.token", identity.AccessToken);
        Assert.DoesNotContain("secret", identity.ToString());
        Assert.DoesNotContain("u-1", identity.ToString());
        Assert.DoesNotContain("a@b.c", identity.ToString());
    }

    [Fact]
    public async Task A_request_carrying_an_access_token_never_logs_it()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?", "token-log",
            ("alteco-access-token", "tok-ABCDEF-123"), ("alteco-user-id", "u-7"), ("alteco-log-id", "log-77")));

        Assert.Contains(factory.Logs.Lines, line => line.Contains("completed") && line.Contains("log_id=log-77"));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("tok-ABCDEF-123"));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("u-7"));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("What is CAPEX?"));
    }

    [Fact]
    public async Task Malformed_identity_headers_never_fail_the_request()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null,
            ("alteco-user-systems", "[not json"), ("alteco-user-name", "%%%"), ("alteco-user-id", "u-8")));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("complete", events[^1].Type);
        Assert.Contains("No assets are linked", ChatbotClient.Answer(events));
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }
        return dictionary;
    }
}
