using Chatbot.Contracts.Identity;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>The web passing the signed-in user's access token to an API in jwt mode, which validates it with the same provider.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class TokenCredentialTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task Bob_is_known_to_the_api_by_his_access_token_alone()
    {
        var page = await stack.NewPageAsync(stack.TokenWeb, new Dictionary<string, string> { [IdentityHeaders.Name(IdentityHeaders.UserId)] = "alice-1", [IdentityHeaders.Name(IdentityHeaders.TenantId)] = "t-100" });
        await SignInAsync(page, Bob);

        var answer = await AskAsync(page, AssetQuestion);

        Assert.All(BobAssets, asset => Assert.Contains(asset, answer));
        Assert.All(AliceAssets, asset => Assert.DoesNotContain(asset, answer));
    }
}
