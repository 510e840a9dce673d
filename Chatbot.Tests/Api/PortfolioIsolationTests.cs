using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>Portfolio tools read the asking user's own assets only.</summary>
public sealed class PortfolioIsolationTests : IClassFixture<ApiFactory>
{
    private static readonly (string, string)[] Hamburg = CallerHeaders.Of(new AltecoContext
    {
        UserId = "u-100", TenantId = "t-100", UserSystems = ["PV-001", "PV-002"], ChargePoints = ["CP-101", "CP-102"], Storage = ["BAT-501"],
    });

    private readonly ApiFactory _factory;

    public PortfolioIsolationTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task A_user_sees_their_own_assets()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, Hamburg));

        var answer = ChatbotClient.Answer(events);
        Assert.Contains("You have 5 assets.", answer);
        Assert.Contains("**CP-102** HQ DC fast", answer);
        Assert.DoesNotContain("PV-003", answer);
    }

    [Fact]
    public async Task Another_users_asset_is_not_found()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is the status of PV-003?", null, Hamburg));

        var answer = ChatbotClient.Answer(events);
        Assert.Contains("Asset PV-003 was not found.", answer);
        Assert.DoesNotContain("Plant roof", answer);
    }

    [Fact]
    public async Task A_super_admin_sees_every_tenant()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is the status of PV-003?", null, CallerHeaders.Field(IdentityHeaders.Role, AltecoContext.SuperAdminRole)));

        Assert.Contains("**PV-003** Plant roof", ChatbotClient.Answer(events));
    }
}
