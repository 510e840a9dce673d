using System.Diagnostics;

namespace Chatbot.Tests.Production;

/// <summary>
/// The API and the web front end as <c>dotnet publish -c Release</c> makes them for their
/// containers, published once per test run into a temporary folder.
/// </summary>
public static class PublishedServices
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static async Task<string> ApiAsync() => Path.Combine(await Folder.Value, "api", "Chatbot.ApiService.dll");

    public static async Task<string> WebAsync() => Path.Combine(await Folder.Value, "web", "Chatbot.Web.dll");

    private static async Task<string> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("chatbot-published-").FullName;
        // One after the other: both build the shared projects, in the same obj folders.
        await PublishAsync("Chatbot.ApiService", Path.Combine(folder, "api"));
        await PublishAsync("Chatbot.Web", Path.Combine(folder, "web"));
        return folder;
    }

    private static async Task PublishAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(RepoPaths.Root, project, project + ".csproj"), "-c", "Release", "-o", output, "--nologo"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{await log}\n{await error}");
        }
    }
}
