using System.Globalization;

namespace Chatbot.Benchmarks.Scale;

/// <summary>The whole machine's CPU time, busy and idle, from the first line of /proc/stat; a difference of two readings is how busy a phase kept it.</summary>
public readonly record struct MachineCpu(long BusyTicks, long IdleTicks)
{
    public static MachineCpu Read()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var idle = ticks[3] + ticks[4];
        return new MachineCpu(ticks.Sum() - idle, idle);
    }

    /// <summary>Busy share of the machine, 0–100 %.</summary>
    public double BusyPercent => 100.0 * BusyTicks / Math.Max(BusyTicks + IdleTicks, 1);

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.BusyTicks - before.BusyTicks, after.IdleTicks - before.IdleTicks);
}
