using BenchmarkDotNet.Attributes;
using Chatbot.ApiService.Context;
using Chatbot.Benchmarks.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Benchmarks.Micro;

/// <summary>Reading the gateway's identity headers (<see cref="AltecoContextParser"/>), once per request.</summary>
public class IdentityHeaderBenchmarks
{
    private readonly AltecoContextParser _parser = new(NullLogger<AltecoContextParser>.Instance);
    private HeaderDictionary _gateway = null!;
    private HeaderDictionary _anonymous = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gateway = new HeaderDictionary();
        foreach (var (name, value) in BenchmarkQuestion.IdentityHeaders)
        {
            _gateway[name] = value;
        }
        _gateway["alteco-log-id"] = "log-1";
        _gateway["Content-Type"] = "application/json";
        _gateway["x-stream"] = "true";
        _anonymous = new HeaderDictionary { ["Content-Type"] = "application/json", ["x-stream"] = "true" };
    }

    [Benchmark(Baseline = true)]
    public AltecoContext GatewayHeaders() => _parser.Parse(_gateway);

    [Benchmark]
    public AltecoContext NoIdentityHeaders() => _parser.Parse(_anonymous);
}
