using Chatbot.LocalServers;

namespace Chatbot.Tests;

/// <summary>The repository root, and the build configuration the tests run in.</summary>
public static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    /// <summary>The build configuration the tests run in (Debug or Release), for starting sibling builds.</summary>
    public static string Configuration { get; } = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!;
}
