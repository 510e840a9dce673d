using System.Globalization;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>A process's resident memory and CPU time, read from /proc (Linux).</summary>
public readonly record struct ProcessStats(long ResidentBytes, TimeSpan CpuTime)
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat (USER_HZ: 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ProcessStats Read(int pid) => new(ReadResidentBytes(pid), ReadCpuTime(pid));

    private static long ReadResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>utime + stime: fields 14 and 15, counted after the parenthesised command name.</summary>
    private static TimeSpan ReadCpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
