using Chatbot.ApiService;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Starts a fake model server and the API configured to use it, then asks one question and keeps
/// the whole event stream and the model requests it caused, for the tests to examine.
/// </summary>
public abstract class ProviderRunFixture(FakeModelServer server) : IAsyncLifetime
{
    public const string Question = "How do solar panels work?";

    private WebApplicationFactory<ApiServiceAssembly>? _factory;
    private AskStreamResult? _result;

    public FakeModelServer Server { get; } = server;

    public string ConversationId { get; } = "providers-" + Guid.NewGuid().ToString("N");

    public AskStreamResult Result => _result ?? throw new InvalidOperationException("The question has not been asked.");

    /// <summary>The <c>Chatbot:Llm</c> settings that point the API at <see cref="Server"/>.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string>> ProviderSettings();

    /// <summary>Runs after the fake server has started and before the API does.</summary>
    protected virtual void BeforeApiStarts()
    {
    }

    /// <summary>Runs after the API has stopped.</summary>
    protected virtual void AfterApiStopped()
    {
    }

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        BeforeApiStarts();
        _factory = new WebApplicationFactory<ApiServiceAssembly>();
        var configured = _factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Chatbot:Prewarm:OnStartup", "false");
            foreach (var (key, value) in ProviderSettings())
            {
                web.UseSetting(key, value);
            }
        });
        using var http = configured.CreateClient();
        _result = await AskStream.PostAsync(http, Question, ConversationId);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_factory is not null)
            {
                // Also disposes the factory WithWebHostBuilder derived from it.
                await _factory.DisposeAsync();
            }
            await Server.DisposeAsync();
        }
        finally
        {
            AfterApiStopped();
        }
    }
}
