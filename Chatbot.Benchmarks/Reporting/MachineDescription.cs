using System.Runtime.InteropServices;

namespace Chatbot.Benchmarks.Reporting;

/// <summary>The machine a result was measured on, and how busy it was when the run began.</summary>
public static class MachineDescription
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():0.0} GiB, {RuntimeInformation.OSDescription}, "
        + $".NET {Environment.Version}, load average at start {LoadAverage()}";

    public static string LoadAverage() => Read("/proc/loadavg") is { } text ? string.Join(' ', text.Split(' ').Take(3)) : "?";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
