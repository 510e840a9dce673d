namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// CPU time of the three processes that share the machine in a load run: the API, its
/// redis-server and this benchmark (the client). A difference of two readings is what a phase cost.
/// </summary>
public readonly record struct CpuTimes(TimeSpan Api, TimeSpan Redis, TimeSpan Client)
{
    public TimeSpan Total => Api + Redis + Client;

    public static CpuTimes Read(ApiServer api, RedisServer redis) =>
        new(api.Stats().CpuTime, redis.Stats().CpuTime, ProcessStats.Read(Environment.ProcessId).CpuTime);

    public static CpuTimes operator -(CpuTimes after, CpuTimes before) =>
        new(after.Api - before.Api, after.Redis - before.Redis, after.Client - before.Client);

    public static CpuTimes operator +(CpuTimes left, CpuTimes right) =>
        new(left.Api + right.Api, left.Redis + right.Redis, left.Client + right.Client);
}
