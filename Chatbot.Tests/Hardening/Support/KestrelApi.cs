using System.Net;
using Chatbot.Tests.Api.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// The API on real Kestrel at 127.0.0.1 on a free port (WebApplicationFactory's Kestrel mode),
/// so requests go through Kestrel's own HTTP parser, as in production.
/// </summary>
public static class KestrelApi
{
    public static Uri Start(ApiFactory factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address);
    }
}
