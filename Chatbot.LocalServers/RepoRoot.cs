namespace Chatbot.LocalServers;

/// <summary>The repository root: the folder holding Chatbot.sln, found from the running binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Chatbot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Chatbot.sln above {AppContext.BaseDirectory}.");
    }
}
