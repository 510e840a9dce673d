using Chatbot.AppHost.Infrastructure;

namespace Chatbot.Tests.Aspire;

public sealed class ContainerRuntimeProbeTests
{
    [Fact]
    public void A_runtime_that_is_not_installed_is_not_healthy() =>
        Assert.False(ContainerRuntimeProbe.IsHealthy("chatbot-no-such-container-runtime"));

    [Fact]
    public void Finds_a_program_on_path() =>
        Assert.NotNull(ExecutableLocator.Find("dotnet"));
}
