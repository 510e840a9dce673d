namespace Chatbot.Benchmarks.Resume;

/// <summary>One journal window: the same API process without resumable streams and with them.</summary>
public sealed record WindowComparison(int WindowMs, WindowMeasurement NotResumable, WindowMeasurement Resumable)
{
    public double ApiCpuMsMore => Resumable.ApiCpuMsPerAnswer - NotResumable.ApiCpuMsPerAnswer;

    public double RedisCpuMsMore => Resumable.RedisCpuMsPerAnswer - NotResumable.RedisCpuMsPerAnswer;
}
