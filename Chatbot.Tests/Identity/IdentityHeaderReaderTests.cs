using System.Text;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Identity;

public sealed class IdentityHeaderReaderTests
{

    [Theory]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserId)]
    [InlineData("x-alteco-user-id")]
    [InlineData("ALTECO_USER_ID")]
    [InlineData("alteco_user_id")]
    [InlineData("x-ALTECO_USER_ID")]
    public void Reads_every_spelling_of_a_header(string name)
    {
        var identity = Read(Headers((name, "u-42")));

        Assert.Equal("u-42", identity.UserId);
    }

    [Fact]
    public void Decodes_the_base64_user_name()
    {
        var identity = Read(Headers(CallerHeaders.Field(IdentityHeaders.UserName, Convert.ToBase64String(Encoding.UTF8.GetBytes("Jürgen Müller")))));

        Assert.Equal("Jürgen Müller", identity.UserName);
    }

    [Fact]
    public void Keeps_a_user_name_that_is_not_base64_as_sent()
    {
        var identity = Read(Headers(CallerHeaders.Field(IdentityHeaders.UserName, "not base64!")));

        Assert.Equal("not base64!", identity.UserName);
    }

    [Fact]
    public void Parses_the_json_asset_lists()
    {
        var identity = Read(Headers(
            CallerHeaders.Field(IdentityHeaders.Systems, """["PV-001","PV-002"]"""),
            CallerHeaders.Field(IdentityHeaders.ChargePoints, """["CP-101"]"""),
            ("x-alteco-user-storage", """["BAT-501"]"""),
            CallerHeaders.Field(IdentityHeaders.Groups, """["ops"]""")));

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
        var identity = Read(Headers(CallerHeaders.Field(IdentityHeaders.Systems, value)));

        Assert.Empty(identity.UserSystems);
    }

    [Fact]
    public void Only_the_superAdmin_role_is_alteco()
    {
        Assert.True(Read(Headers(CallerHeaders.Field(IdentityHeaders.Role, "superAdmin"))).IsAlteco);
        Assert.False(Read(Headers(CallerHeaders.Field(IdentityHeaders.Role, "admin"))).IsAlteco);
    }

    [Fact]
    public void Owner_is_tenant_and_user_and_empty_without_identity()
    {
        Assert.Equal("t-1/u-1", Read(Headers(CallerHeaders.Field(IdentityHeaders.TenantId, "t-1"), CallerHeaders.User("u-1"))).Owner);
        Assert.Equal("/", Read(Headers()).Owner);
    }

    [Fact]
    public void Owners_of_different_tenant_and_user_pairs_never_collide()
    {
        var owners = new[] { ("t/x", "y"), ("t", "x/y"), ("t", "x%2Fy"), (null, "t/x"), ("", "t/x"), ("t/x/y", null) }
            .Select(pair => new AltecoContext { TenantId = pair.Item1, UserId = pair.Item2 }.Owner)
            .ToArray();

        Assert.Equal(owners.Length - 1, owners.Distinct().Count()); // null and "" are the same: no tenant
        Assert.NotEqual(new AltecoContext { TenantId = "t/x", UserId = "y" }.Owner, new AltecoContext { TenantId = "t", UserId = "x/y" }.Owner);
    }

    [Theory]
    [InlineData("ALTECO_USER_ID")]
    [InlineData("x-alteco-user-id")]
    [InlineData("alteco_user_id")]
    public void Two_spellings_of_a_field_with_different_values_are_a_conflict(string second)
    {
        var reading = IdentityHeaderReader.Read(Headers(CallerHeaders.User("real-user"), (second, "victim-77")));

        Assert.Null(reading.Identity);
        Assert.Equal(IdentityHeaders.Name(IdentityHeaders.UserId), reading.ConflictingField);
    }

    [Fact]
    public void A_header_repeated_with_different_values_is_a_conflict()
    {
        var headers = new HeaderDictionary { [IdentityHeaders.Name(IdentityHeaders.Role)] = new Microsoft.Extensions.Primitives.StringValues(["user", "superAdmin"]) };

        Assert.Equal(IdentityHeaders.Name(IdentityHeaders.Role), IdentityHeaderReader.Read(headers).ConflictingField);
    }

    [Fact]
    public void The_same_value_under_two_spellings_is_no_conflict()
    {
        var reading = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), ("ALTECO_USER_ID", " u-1 ")));

        Assert.Null(reading.ConflictingField);
        Assert.Equal("u-1", reading.Identity?.UserId);
    }

    [Theory]
    [InlineData("alteco-user-role")]
    [InlineData("alteco_user_role")]
    [InlineData("x-alteco-user-role")]
    [InlineData("x-alteco_user_role")]
    [InlineData("X-ALTECO-USER-ROLE")]
    [InlineData("ALTECO_USER_ROLE")]
    public void A_field_the_gateway_is_not_declared_to_set_is_not_read_under_any_spelling(string name)
    {
        var declared = IdentityFields.Declared([IdentityHeaders.UserId, IdentityHeaders.TenantId], "Fields");

        var identity = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), CallerHeaders.Field(IdentityHeaders.TenantId, "t-1"), (name, "superAdmin")), declared).Identity!;

        Assert.Equal(("u-1", "t-1", null), (identity.UserId, identity.TenantId, identity.Role));
        Assert.False(identity.IsAlteco);
    }

    [Fact]
    public void An_undeclared_field_is_ignored_even_when_it_conflicts_with_itself()
    {
        var declared = IdentityFields.Declared([IdentityHeaders.UserId], "Fields");

        var reading = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), ("alteco-user-role", "user"), ("x-alteco-user-role", "superAdmin")), declared);

        Assert.Null(reading.ConflictingField);
        Assert.Null(reading.Identity!.Role);
    }

    [Fact]
    public void Without_a_declared_list_every_field_is_read()
    {
        var identity = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), CallerHeaders.Field(IdentityHeaders.Role, "superAdmin")), IdentityFields.All).Identity!;

        Assert.True(identity.IsAlteco);
    }

    [Theory]
    [InlineData("x-alteco-user-tenant-id", "")]
    [InlineData("ALTECO_USER_TENANT_ID", "   ")]
    [InlineData("alteco_user_tenant_id", "")]
    public void An_empty_value_beside_a_value_of_the_same_field_is_a_conflict(string second, string empty)
    {
        var reading = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), CallerHeaders.Field(IdentityHeaders.TenantId, "t-100"), (second, empty)));

        Assert.Null(reading.Identity);
        Assert.Equal(IdentityHeaders.Name(IdentityHeaders.TenantId), reading.ConflictingField);
    }

    [Fact]
    public void A_header_repeated_with_an_empty_value_and_a_value_is_a_conflict()
    {
        var headers = Headers(CallerHeaders.User("u-1"));
        headers[IdentityHeaders.Name(IdentityHeaders.Role)] = new Microsoft.Extensions.Primitives.StringValues(["", "superAdmin"]);

        Assert.Equal(IdentityHeaders.Name(IdentityHeaders.Role), IdentityHeaderReader.Read(headers).ConflictingField);
    }

    [Fact]
    public void An_empty_value_alone_is_no_value_and_no_conflict()
    {
        var reading = IdentityHeaderReader.Read(Headers(CallerHeaders.User("u-1"), ("x-alteco-user-role", ""), ("alteco_user_role", " ")));

        Assert.Null(reading.ConflictingField);
        Assert.Null(reading.Identity!.Role);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var identity = new AltecoContext
        {
            UserId = "u-1", UserName = "Jürgen Müller", UserEmail = "j@example.com", TenantId = "t-1", Role = "user",
            UserSystems = ["PV-001"], ChargePoints = ["CP-101", "CP-102"], Storage = ["BAT-501"], Groups = ["ops"],
        };
        var headers = new HeaderDictionary();
        foreach (var (name, value) in IdentityHeaderWriter.Write(identity))
        {
            headers[name] = value;
        }

        var read = IdentityHeaderReader.Read(headers).Identity!;

        Assert.Equal((identity.UserId, identity.UserName, identity.UserEmail, identity.TenantId, identity.Role),
            (read.UserId, read.UserName, read.UserEmail, read.TenantId, read.Role));
        Assert.Equal(identity.UserSystems, read.UserSystems);
        Assert.Equal(identity.ChargePoints, read.ChargePoints);
        Assert.Equal(identity.Storage, read.Storage);
        Assert.Equal(identity.Groups, read.Groups);
    }

    [Fact]
    public void The_description_never_contains_the_access_token_or_who_asked()
    {
        var identity = Read(Headers(CallerHeaders.Field(IdentityHeaders.AccessToken, "eyJhbGciOi.secret.token"), CallerHeaders.User("u-1"), CallerHeaders.Field(IdentityHeaders.UserEmail, "a@b.c")));

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
            CallerHeaders.Field(IdentityHeaders.AccessToken, "tok-ABCDEF-123"), CallerHeaders.User("u-7"), CallerHeaders.Field(IdentityHeaders.LogId, "log-77")));

        // The run's completion line is written after its complete event is sent.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(factory.Logs.Lines.Any(line => line.Contains("completed") && line.Contains("log_id=log-77")))));
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
            CallerHeaders.Field(IdentityHeaders.Systems, "[not json"), CallerHeaders.Field(IdentityHeaders.UserName, "%%%"), CallerHeaders.User("u-8")));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Contains("No assets are linked", ChatbotClient.Answer(events));
    }

    private static AltecoContext Read(HeaderDictionary headers) => IdentityHeaderReader.Read(headers).Identity!;

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
