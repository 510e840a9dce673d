namespace Chatbot.Tests;

/// <summary>Finds the repository root (the folder holding Chatbot.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests run in (Debug or Release), for starting sibling builds.</summary>
    public static string Configuration { get; } = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!)!;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chatbot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Chatbot.sln above {AppContext.BaseDirectory}.");
    }
}
