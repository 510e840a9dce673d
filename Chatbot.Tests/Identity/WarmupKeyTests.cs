using System.Net;
using Chatbot.ApiService.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Identity;

/// <summary>The warm-up key proves a request only with the exact key, on a connection from this host to itself.</summary>
public sealed class WarmupKeyTests
{
    private readonly WarmupKey _key = new();

    [Fact]
    public void The_key_over_loopback_proves_a_warmup() =>
        Assert.True(_key.Proves(Request(IPAddress.Loopback, _key.Value)));

    [Fact]
    public void The_key_from_this_hosts_own_address_proves_a_warmup() =>
        Assert.True(_key.Proves(Request(IPAddress.Parse("10.0.0.5"), _key.Value, local: IPAddress.Parse("10.0.0.5"))));

    [Fact]
    public void The_key_from_another_host_proves_nothing() =>
        Assert.False(_key.Proves(Request(IPAddress.Parse("10.0.0.9"), _key.Value, local: IPAddress.Parse("10.0.0.5"))));

    [Fact]
    public void Another_value_over_loopback_proves_nothing() =>
        Assert.False(_key.Proves(Request(IPAddress.Loopback, new WarmupKey().Value)));

    [Fact]
    public void A_forwarded_header_naming_loopback_does_not_make_a_connection_local()
    {
        var spoofed = Request(IPAddress.Parse("203.0.113.9"), _key.Value, local: IPAddress.Parse("10.0.0.5"));
        spoofed.Connection.RemoteIpAddress = IPAddress.Loopback; // what X-Forwarded-For: 127.0.0.1 makes of it

        Assert.False(_key.Proves(spoofed));
    }

    [Fact]
    public void Each_process_has_its_own_key() => Assert.NotEqual(_key.Value, new WarmupKey().Value);

    private static DefaultHttpContext Request(IPAddress remote, string key, IPAddress? local = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        context.Connection.LocalIpAddress = local ?? IPAddress.Loopback;
        context.Features.Set(new ConnectionAddress(remote));
        context.Request.Headers[WarmupKey.Header] = key;
        return context;
    }
}
