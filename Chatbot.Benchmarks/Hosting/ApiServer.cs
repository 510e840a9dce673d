using Chatbot.Contracts.Identity;
using Chatbot.LocalServers;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// The built Chatbot.ApiService as a child process (<c>dotnet exec</c> of its Release output,
/// Production environment, Kestrel on a free loopback port), stopped when disposed. It trusts
/// identity headers from this benchmark as from its gateway (a shared secret made per start),
/// and its per-user limits are raised out of the way: the benchmark measures streaming, not the
/// limiter turning a closed loop away.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string HealthPath = "/health";
    public const string GatewaySecretHeader = IdentityHeaders.GatewaySecret;
    public const string NoLimit = "1000000";

    private readonly ChildProcess _process;

    private ApiServer(ChildProcess process, string baseUrl, string gatewaySecret, TimeSpan listening, TimeSpan ready)
    {
        _process = process;
        BaseUrl = baseUrl;
        GatewaySecret = gatewaySecret;
        Listening = listening;
        Ready = ready;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the benchmark sends in <see cref="GatewaySecretHeader"/>, as the gateway would.</summary>
    public string GatewaySecret { get; }

    /// <summary>From process start to the first HTTP answer.</summary>
    public TimeSpan Listening { get; }

    /// <summary>From process start to <c>/health</c> 200: warm when start-up prewarm is on.</summary>
    public TimeSpan Ready { get; }

    public string Output => _process.Output;

    public static async Task<ApiServer> StartAsync(ApiServerOptions options)
    {
        if (!File.Exists(options.Assembly))
        {
            throw new FileNotFoundException(
                $"No API build at {options.Assembly}. Run `dotnet build -c Release {RepoLayout.ApiProject}` first.", options.Assembly);
        }
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var gatewaySecret = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Chatbot__Llm__Provider"] = "offline",
            ["Chatbot__Llm__Offline__TokenDelayMs"] = options.TokenDelayMs.ToString(),
            ["Chatbot__Prewarm__OnStartup"] = options.PrewarmOnStartup ? "true" : "false",
            ["ConnectionStrings__redis"] = options.RedisConnectionString,
            ["ConnectionStrings__mongo"] = null,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["Chatbot__Auth__Mode"] = "gateway",
            ["Chatbot__Auth__GatewaySecret"] = gatewaySecret,
            ["Chatbot__RateLimits__QuestionsPerMinute"] = NoLimit,
            ["Chatbot__RateLimits__ConcurrentStreamsPerUser"] = NoLimit,
        };
        foreach (var (key, value) in options.Environment)
        {
            environment[key] = value;
        }
        var process = ChildProcess.Start("api", "dotnet", ["exec", options.Assembly], Path.GetDirectoryName(options.Assembly)!, environment);
        try
        {
            var (listening, ready) = await ServerReadiness.WaitAsync(process, baseUrl, HealthPath);
            return new ApiServer(process, baseUrl, gatewaySecret, listening, ready);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ProcessStats Stats() => ProcessStats.Read(_process.Id);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
