using System.Globalization;
using Chatbot.ApiService;
using Chatbot.ApiService.Llm.Retries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Starts a fake model server and the API configured to use it, then asks one question and keeps
/// the whole event stream and the model requests it caused, for the tests to examine. The retry
/// layer's waits run on <see cref="Clock"/>: recorded, never slept.
/// </summary>
public abstract class ProviderRunFixture(FakeModelServer server) : IAsyncLifetime
{
    public const string Question = "How do solar panels work?";

    /// <summary>Attempts per model call in all, set lower than the default so the setting is seen to apply.</summary>
    public const int MaxAttempts = 3;

    private readonly Dictionary<string, string?> _savedEnvironment = [];
    private WebApplicationFactory<ApiServiceAssembly>? _factory;
    private HttpClient? _http;
    private AskStreamResult? _result;

    public FakeModelServer Server { get; } = server;

    public RetryClock Clock { get; } = new();

    public string ConversationId { get; } = "providers-" + Guid.NewGuid().ToString("N");

    public AskStreamResult Result => _result ?? throw new InvalidOperationException("The question has not been asked.");

    /// <summary>The API, as a client of the in-process server.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The API has not started.");

    /// <summary>The <c>Chatbot:Llm</c> settings that point the API at <see cref="Server"/>.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string>> ProviderSettings();

    /// <summary>Environment variables the provider reads (null unsets one), set while the API runs.</summary>
    protected virtual IReadOnlyDictionary<string, string?> EnvironmentVariables { get; } = new Dictionary<string, string?>();

    public Task<AskStreamResult> AskAsync(string question, string conversationId) => AskStream.PostAsync(Http, question, conversationId);

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        foreach (var (name, value) in EnvironmentVariables)
        {
            _savedEnvironment[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
        _factory = new WebApplicationFactory<ApiServiceAssembly>();
        var configured = _factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Chatbot:Prewarm:OnStartup", "false");
            web.UseSetting("Chatbot:Llm:Retry:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in ProviderSettings())
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(ThrottlingRetryChatClient.ClockKey, Clock));
        });
        _http = configured.CreateClient();
        _result = await AskAsync(Question, ConversationId);
    }

    public async Task DisposeAsync()
    {
        try
        {
            _http?.Dispose();
            if (_factory is not null)
            {
                // Also disposes the factory WithWebHostBuilder derived from it.
                await _factory.DisposeAsync();
            }
            await Server.DisposeAsync();
        }
        finally
        {
            foreach (var (name, value) in _savedEnvironment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
