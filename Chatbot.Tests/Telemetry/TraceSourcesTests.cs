using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.AspNetCore;

namespace Chatbot.Tests.Telemetry;

/// <summary>What the service defaults trace, so an answer's trace is easy to find in the dashboard.</summary>
public sealed class TraceSourcesTests
{
    [Fact]
    public void A_blazor_circuits_hub_calls_make_no_traces_of_their_own()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddServiceDefaults();
        using var app = builder.Build();

        var aspnet = app.Services.GetRequiredService<IOptionsMonitor<AspNetCoreTraceInstrumentationOptions>>().Get(Options.DefaultName);

        Assert.False(aspnet.EnableAspNetCoreSignalRSupport);
    }
}
