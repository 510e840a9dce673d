using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.ColdStart;

/// <summary>One fresh process: when it listened and was ready, its first answer, and its steady-state answers after that.</summary>
public sealed record ColdStartRun(string Variant, int Number, TimeSpan Listening, TimeSpan Ready, StreamOutcome First, double SteadyTimeToFirstTokenMs)
{
    public double FirstToSteady => First.TimeToFirstTokenMs / SteadyTimeToFirstTokenMs;
}
