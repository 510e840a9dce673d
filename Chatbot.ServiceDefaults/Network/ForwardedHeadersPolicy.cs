using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> a service believes. The host's
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (set by Aspire in every deployment) believes
/// anyone's; this narrows it to loopback and <c>Chatbot:ForwardedHeaders:KnownNetworks</c>
/// (e.g. the Container Apps environment's network), and captures the real peer address first.
/// </summary>
public static class ForwardedHeadersPolicy
{
    public const string KnownNetworksSetting = "Chatbot:ForwardedHeaders:KnownNetworks";

    public static IHostApplicationBuilder AddForwardedHeadersPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, ConnectionAddressStartupFilter>());
        var networks = IPNetworks.Parse(ConfiguredList.Read(builder.Configuration, KnownNetworksSetting), KnownNetworksSetting);
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("::1/128"));
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }
}
