using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Soak;

/// <summary>Once a second during the soak: requests in flight and streaming (client side), and the API process's memory and CPU time.</summary>
public sealed record SoakSample(TimeSpan At, int InFlight, int Streaming, ProcessStats Api);
