using BenchmarkDotNet.Attributes;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
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
        _gateway[IdentityHeaders.Name(IdentityHeaders.LogId)] = "log-1";
        _gateway["Content-Type"] = "application/json";
        _gateway[StreamHeaders.Stream] = "true";
        _anonymous = new HeaderDictionary { ["Content-Type"] = "application/json", [StreamHeaders.Stream] = "true" };
    }

    [Benchmark(Baseline = true)]
    public AltecoContext GatewayHeaders() => IdentityHeaderReader.Read(_gateway).Identity!;

    [Benchmark]
    public AltecoContext NoIdentityHeaders() => IdentityHeaderReader.Read(_anonymous).Identity!;
}
