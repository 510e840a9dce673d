using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Reporting;

/// <summary>Prints a mode's report and keeps it as markdown under artifacts/benchmarks/.</summary>
public static class ResultsFile
{
    public static async Task WriteAsync(string mode, string markdown)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        Directory.CreateDirectory(RepoLayout.ResultsDirectory);
        var path = Path.Combine(RepoLayout.ResultsDirectory, $"{mode}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, markdown);
        Console.WriteLine($"Written to {path}");
    }
}
