using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Identity;

public sealed class ConfiguredListTests
{
    [Theory]
    [InlineData("Chatbot:Auth:TrustedProxies:0", "10.0.0.7", "Chatbot:Auth:TrustedProxies:1", "10.1.0.0/16")]
    [InlineData("Chatbot:Auth:TrustedProxies", "10.0.0.7, 10.1.0.0/16", null, null)]
    public void A_list_reads_the_same_as_items_or_as_one_comma_separated_value(string key1, string value1, string? key2, string? value2)
    {
        var settings = new Dictionary<string, string?> { [key1] = value1 };
        if (key2 is not null)
        {
            settings[key2] = value2;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(["10.0.0.7", "10.1.0.0/16"], ConfiguredList.Read(configuration, "Chatbot:Auth:TrustedProxies"));
    }
}
