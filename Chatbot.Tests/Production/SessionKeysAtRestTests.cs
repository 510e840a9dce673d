using System.Xml.Linq;
using Chatbot.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>What someone who can read the shared Redis learns of the web's sessions: nothing that opens one.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class SessionKeysAtRestTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task The_session_keys_in_redis_are_encrypted()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        var keys = await KeysInRedisAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains(key.Descendants(), element => element.Name.LocalName == "encryptedSecret");
            Assert.DoesNotContain(key.Descendants(), element => element.Name.LocalName == "masterKey");
        });
    }

    [Fact]
    public async Task With_the_keys_read_from_redis_a_session_cookie_cannot_be_opened()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        var cookie = SessionCookie(await page.Context.CookiesAsync());

        var attacker = AttackerProtector(await KeysInRedisAsync());

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            attacker.Unprotect(Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(cookie)));
    }

    [Fact]
    public async Task A_session_in_redis_shows_nobody_who_it_belongs_to()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        var server = stack.Redis.Multiplexer.GetServers().Single();
        var sessions = server.Keys(pattern: SessionStore.RedisKeyPrefix + "*").ToArray();

        Assert.NotEmpty(sessions);
        foreach (var session in sessions)
        {
            var fields = await stack.Redis.HashGetAllAsync(session);
            Assert.All(fields, field => Assert.DoesNotContain("alice", System.Text.Encoding.UTF8.GetString((byte[])field.Value!), StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The session cookie's value, its chunks joined when the framework split a large one.</summary>
    private static string SessionCookie(IReadOnlyList<Microsoft.Playwright.BrowserContextCookiesResult> cookies)
    {
        var value = cookies.Single(cookie => cookie.Name == ".chatbot.session").Value;
        return value.StartsWith("chunks-")
            ? string.Concat(Enumerable.Range(1, int.Parse(value["chunks-".Length..])).Select(chunk => cookies.Single(cookie => cookie.Name == $".chatbot.sessionC{chunk}").Value))
            : value;
    }

    private async Task<XElement[]> KeysInRedisAsync() =>
        (await stack.Redis.ListRangeAsync(SessionKeyRing.RedisKey)).Select(value => XElement.Parse(value!)).ToArray();

    /// <summary>The cookie's protector as the web builds it, from the keys alone, without the certificate.</summary>
    private static IDataProtector AttackerProtector(IReadOnlyList<XElement> keys)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Chatbot.Web");
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options =>
        {
            options.XmlRepository = new StolenKeys(keys);
            options.AutoGenerateKeys = false;
        });
        return services.BuildServiceProvider().GetDataProtectionProvider()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Cookies", "v2");
    }

    private sealed class StolenKeys(IReadOnlyList<XElement> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keys;

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("The attacker only reads.");
    }
}
