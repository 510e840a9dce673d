namespace Chatbot.Tests.Portfolio.Support;

/// <summary>A test on its own fake platform, started for each test and serving <see cref="PortfolioApi.Answer"/> until the test changes it.</summary>
public abstract class FakePlatformTest : IAsyncLifetime
{
    protected FakePlatform Platform { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        Platform.Assets = PortfolioApi.Answer;
    }

    public virtual async Task DisposeAsync() => await Platform.DisposeAsync();
}
