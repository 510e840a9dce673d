using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// The micro benchmarks' configuration: the memory diagnoser on every benchmark, a job short
/// enough for the whole set to run in a few minutes, results under artifacts/benchmarks/micro.
/// </summary>
public sealed class MicroBenchmarkConfig : ManualConfig
{
    public MicroBenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(15));
        ArtifactsPath = Path.Combine(RepoLayout.ResultsDirectory, "micro");
        WithOptions(ConfigOptions.JoinSummary);
    }
}
