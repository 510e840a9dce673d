using Chatbot.LocalServers;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>Where things are: the repository root (the folder holding Chatbot.sln) and the API's Release build.</summary>
public static class RepoLayout
{
    public const string ApiProject = "Chatbot.ApiService";

    public static string Root => RepoRoot.Path;

    /// <summary>Results go here (git-ignored).</summary>
    public static string ResultsDirectory => Path.Combine(Root, "artifacts", "benchmarks");

    /// <summary>
    /// The API's Release build output. Building this project in Release builds it (a project
    /// reference); <c>dotnet build -c Release Chatbot.ApiService</c> does too.
    /// </summary>
    public static string ApiAssembly(string? overridePath) =>
        overridePath is not null
            ? Path.GetFullPath(overridePath)
            : Path.Combine(Root, ApiProject, "bin", "Release", "net10.0", ApiProject + ".dll");
}
