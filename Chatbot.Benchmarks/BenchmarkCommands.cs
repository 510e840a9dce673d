using BenchmarkDotNet.Running;
using Chatbot.Benchmarks.Baseline;
using Chatbot.Benchmarks.ColdStart;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Micro;
using Chatbot.Benchmarks.Replica;
using Chatbot.Benchmarks.Resume;
using Chatbot.Benchmarks.Scale;
using Chatbot.Benchmarks.Soak;

namespace Chatbot.Benchmarks;

/// <summary>
/// The modes: <c>micro</c> (BenchmarkDotNet), <c>load</c>, <c>resume</c>, <c>coldstart</c>, <c>replica</c>, <c>soak</c>, <c>scale</c>, and
/// <c>baseline-server</c>, which the load mode starts as its own child process.
/// </summary>
public static class BenchmarkCommands
{
    public const string Usage = """
        dotnet run -c Release --project Chatbot.Benchmarks -- <mode> [options]

          micro      [BenchmarkDotNet arguments, e.g. --filter *SseFrame*; all benchmarks without any]
          load       [--levels 1,16,64,256] [--requests-scale 1.0] [--question "..."] [--api-dll path]
          resume     [--levels 1,16,64] [--rounds 3] [--requests-scale 1.0] [--token-delay-ms 0] [--resumes 500] [--drop-after 5] [--reconnect-delay-ms 120] [--resume-token-delay-ms 5]
                     [--windows 0,50,100 --window-token-delay-ms 15 --window-concurrency 64 --window-answers 256]
                     (--levels '' or --resumes 0 skips that part; without --windows no journal-window sweep)
          coldstart  [--runs 5] [--steady-requests 30] [--api-dll path]
          replica    [--concurrency 64] [--window 4000] [--windows 7] [--api-dll path] (a new replica's first answers against its settled state)
          soak       [--streams 1000] [--hold-seconds 60] [--ramp-seconds 10] [--token-delay-ms 15] [--api-dll path]
          scale      [--replicas 3] [--streams 1000] [--token-delay-ms 15] [--ramp-seconds 10] [--ask-seconds 40] [--fault-after-seconds 20]
                     [--outage-seconds 8] [--stream-deadline-seconds 60] [--write-back-seconds 5] [--phases replica-kill,node-restart] [--api-dll path]

        Every mode but micro also takes --question "..." and --api-env "Key=Value;Key=Value" (more API settings).
        Results are printed and written as markdown to artifacts/benchmarks/.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.WriteLine(Usage);
            return 2;
        }
        var options = CommandLine.Parse(args[1..]);
        switch (args[0])
        {
            case "micro":
                // Without arguments BenchmarkDotNet would ask which to run; run them all.
                string[] micro = args.Length > 1 ? args[1..] : ["--filter", "*"];
                BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarkConfig).Assembly).Run(micro, new MicroBenchmarkConfig());
                return 0;
            case "load":
                return await LoadCommand.RunAsync(options);
            case "resume":
                return await ResumeCommand.RunAsync(options);
            case "coldstart":
                return await ColdStartCommand.RunAsync(options);
            case "replica":
                return await ReplicaCommand.RunAsync(options);
            case "soak":
                return await SoakCommand.RunAsync(options);
            case "scale":
                return await ScaleCommand.RunAsync(options);
            case BaselineServer.Mode:
                return await BaselineServer.RunAsync(options);
            default:
                Console.WriteLine(Usage);
                return 2;
        }
    }
}
