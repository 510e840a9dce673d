using Chatbot.ApiService;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// The real API in memory: offline model at full speed, no Redis or MongoDB (embedded defaults),
/// logs captured. Tests change settings or swap the model with <see cref="With"/>.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<ApiServiceAssembly>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Chatbot:Llm:Offline:TokenDelayMs"] = "0",
        // Tests send many questions as one user; the rate-limit tests set their own limits.
        ["Chatbot:RateLimits:QuestionsPerMinute"] = "100000",
        ["Chatbot:RateLimits:ConcurrentStreamsPerUser"] = "100000",
    };
    private IChatClient? _model;

    public CapturedLogs Logs { get; } = new();

    public ApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public ApiFactory WithModel(IChatClient model)
    {
        _model = model;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (_model is not null)
            {
                services.AddSingleton(_model);
            }
        });
    }
}
