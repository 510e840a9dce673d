namespace Chatbot.Benchmarks.Reporting;

/// <summary>Percentiles of a set of samples (nearest rank), in milliseconds.</summary>
public sealed class LatencyStats
{
    private readonly double[] _sorted;

    public LatencyStats(IEnumerable<double> samples)
    {
        _sorted = samples.Where(double.IsFinite).Order().ToArray();
    }

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);

    public double P90 => Percentile(90);

    public double P99 => Percentile(99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();

    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
