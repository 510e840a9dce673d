using System.Net;
using System.Text;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// In gateway mode the API reads only the identity fields the operator declared the gateway sets
/// (<c>Chatbot:Auth:GatewayFields</c>): a gateway that adds its secret, the user, the tenant and
/// the asset lists but passes the browser's other headers through cannot be made to carry a role.
/// </summary>
public sealed class GatewayFieldsTests
{
    private const string Secret = "gateway-secret-0123456789";
    private const string OwnAssetsQuestion = "Show me my assets";
    private static readonly byte[] Question = Encoding.UTF8.GetBytes(BodyMutator.ValidJson("What is OPEX?", "empty-beside-1"));

    /// <summary>What the gateway of the finding set: everything but the role.</summary>
    private const string DeclaredFields = "user-id,user-tenant-id,user-systems,user-charge-points,user-storage";

    private static readonly (string, string)[] HamburgUser = CallerHeaders.Of(new AltecoContext { UserId = "u-100", TenantId = "t-100", UserSystems = ["PV-001"] });

    private static ApiFactory Gateway() => new ApiFactory()
        .With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret).With("Chatbot:Auth:GatewayFields", DeclaredFields);

    [Theory]
    [InlineData("x-alteco-user-role")]
    [InlineData("alteco-user-role")]
    [InlineData("ALTECO_USER_ROLE")]
    [InlineData("x-alteco_user_role")]
    public async Task A_role_the_gateway_does_not_set_is_ignored_and_the_user_sees_only_their_own_assets(string spelling)
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(OwnAssetsQuestion, null,
            [.. HamburgUser, CallerHeaders.GatewaySecret(Secret), (spelling, AltecoContext.SuperAdminRole)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ChatbotClient.Answer(events);
        Assert.Contains("**PV-001**", answer);
        Assert.DoesNotContain("PV-003", answer);
        Assert.DoesNotContain("BAT-601", answer);
    }

    [Fact]
    public async Task A_declared_field_is_still_believed()
    {
        await using var factory = new ApiFactory().With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret)
            .With("Chatbot:Auth:GatewayFields", DeclaredFields + ",user-role");
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(OwnAssetsQuestion, null,
            [.. HamburgUser, CallerHeaders.GatewaySecret(Secret), CallerHeaders.Field(IdentityHeaders.Role, AltecoContext.SuperAdminRole)]));

        Assert.Contains("PV-003", ChatbotClient.Answer(events));
    }

    [Theory]
    [InlineData("x-alteco-user-tenant-id: \r\n")]
    [InlineData("ALTECO_USER_TENANT_ID:   \r\n")]
    [InlineData("alteco-user-tenant-id:\r\n")]
    public async Task An_empty_value_beside_a_value_of_the_same_field_is_400_naming_the_field(string emptyLine)
    {
        await using var factory = Gateway();
        var api = KestrelApi.Start(factory);
        var headers = $"{IdentityHeaders.GatewaySecret}: {Secret}\r\nalteco-user-id: u-100\r\nalteco-user-tenant-id: t-100\r\n{emptyLine}";

        // By hand: the empty value goes on the wire exactly as written, beside the real one.
        var response = await RawHttp.SendAsync(api, RawHttp.Post(api, ChatbotRoutes.AskStream, headers, Question));

        Assert.True(response.Status == 400, response.ToString());
        Assert.Contains("application/problem+json", response.Head);
        Assert.Contains($"\"field\":\"{IdentityHeaders.Name(IdentityHeaders.TenantId)}\"", response.Body);
    }

    [Fact]
    public void The_api_refuses_to_start_with_a_gateway_field_that_is_no_identity_field()
    {
        using var factory = new ApiFactory().With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret)
            .With("Chatbot:Auth:GatewayFields", "user-id,x-alteco-user-role");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Chatbot:Auth:GatewayFields lists 'x-alteco-user-role'", failure.ToString());
    }

    [Fact]
    public async Task Development_mode_reads_every_field_whatever_the_gateway_fields_say()
    {
        await using var factory = new ApiFactory().With("Chatbot:Auth:GatewayFields", DeclaredFields);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(OwnAssetsQuestion, null,
            [.. HamburgUser, CallerHeaders.Field(IdentityHeaders.Role, AltecoContext.SuperAdminRole)]));

        Assert.Contains("PV-003", ChatbotClient.Answer(events));
    }
}
