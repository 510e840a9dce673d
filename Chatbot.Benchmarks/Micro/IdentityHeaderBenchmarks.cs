using BenchmarkDotNet.Attributes;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Benchmarks.Micro;

/// <summary>Reading the gateway's identity headers (<see cref="IdentityHeaderReader"/>), once per request.</summary>
public class IdentityHeaderBenchmarks
{
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
    public AltecoContext GatewayHeaders() => IdentityHeaderReader.Read(_gateway).Identity!;

    [Benchmark]
    public AltecoContext NoIdentityHeaders() => IdentityHeaderReader.Read(_anonymous).Identity!;
}
