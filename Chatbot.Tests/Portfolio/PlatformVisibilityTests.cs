using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Portfolio.Support;

namespace Chatbot.Tests.Portfolio;

/// <summary>
/// Our own rules apply to whatever the platform answers: another tenant's asset, or one the user's
/// identity does not list, is not shown; entries that are not assets are left out; every metric
/// shows, whatever its name.
/// </summary>
public sealed class PlatformVisibilityTests : FakePlatformTest
{
    private ApiFactory _api = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = PortfolioApi.Over(Platform);
    }

    public override async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await Platform.DisposeAsync();
    }

    [Fact]
    public async Task Only_the_users_own_listed_assets_of_their_tenant_are_shown()
    {
        using var http = _api.CreateClient();

        var answer = await AskAsync(http, "Show me my assets", PortfolioApi.Hamburg);

        Assert.Contains("You have 2 assets.", answer);
        Assert.Contains("**PV-001** Warehouse roof Nord", answer);
        Assert.Contains("**CP-101** Depot AC 1-4", answer);
        Assert.DoesNotContain("PV-003", answer);
        Assert.DoesNotContain("Plant roof", answer);
        Assert.DoesNotContain("PV-009", answer);
        Assert.DoesNotContain("No id", answer);
    }

    [Fact]
    public async Task Another_tenants_asset_in_the_platforms_answer_is_not_found_by_id()
    {
        using var http = _api.CreateClient();

        var answer = await AskAsync(http, "What is the status of PV-003?", PortfolioApi.Hamburg);

        Assert.Contains("Asset PV-003 was not found.", answer);
        Assert.DoesNotContain("Plant roof", answer);
    }

    [Fact]
    public async Task A_super_admin_sees_every_asset_the_platform_gives()
    {
        using var http = _api.CreateClient();

        var answer = await AskAsync(http, "Show me my assets", new AltecoContext { UserId = "admin-1", Role = AltecoContext.SuperAdminRole });

        Assert.Contains("You have 4 assets.", answer);
        Assert.Contains("**PV-003** Plant roof", answer);
    }

    [Fact]
    public async Task Every_metric_is_shown_by_its_name_value_and_unit_and_a_malformed_one_is_left_out()
    {
        using var http = _api.CreateClient();

        var answer = await AskAsync(http, "What is the status of PV-001?", PortfolioApi.Hamburg);

        Assert.Contains("**PV-001** Warehouse roof Nord, Hamburg depot: status ok, capacity 250 kWp, inverter rating A+", answer);
        Assert.DoesNotContain("broken", answer);
    }

    private static async Task<string> AskAsync(HttpClient http, string question, AltecoContext identity) =>
        ChatbotClient.Answer((await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(question, null, PortfolioApi.Headers(identity)))).Events);
}
