using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Chatbot.Tests.Aspire;

/// <summary>The committed aspire-manifest.json must be what the AppHost publishes today.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task Committed_manifest_matches_what_the_apphost_publishes()
    {
        var repoRoot = RepoPaths.Root;
        var outputDirectory = Directory.CreateTempSubdirectory("chatbot-manifest-");
        try
        {
            var generated = Path.Combine(outputDirectory.FullName, "aspire-manifest.json");
            await PublishManifestAsync(repoRoot, generated);

            var expected = Normalise(Path.Combine(repoRoot, "aspire-manifest.json"), repoRoot);
            var actual = Normalise(generated, repoRoot);

            Assert.True(JsonNode.DeepEquals(expected, actual),
                "aspire-manifest.json is out of date: run ./eng/generate-manifest.sh and commit the result.\n"
                + $"Generated:\n{actual}");
        }
        finally
        {
            outputDirectory.Delete(recursive: true);
        }
    }

    private static async Task PublishManifestAsync(string repoRoot, string outputPath)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            "run", "--no-build", "--project", Path.Combine(repoRoot, "Chatbot.AppHost"),
            "--", "--publisher", "manifest", "--output-path", outputPath,
        ])
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"Manifest publishing failed:\n{await output}\n{await error}");
    }

    /// <summary>Project paths are relative to the manifest's folder; make them relative to the repo.</summary>
    private static JsonNode Normalise(string manifestPath, string repoRoot)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var manifestDirectory = Path.GetDirectoryName(manifestPath)!;
        foreach (var (_, resource) in manifest["resources"]!.AsObject())
        {
            if (resource?["path"] is JsonValue path)
            {
                var absolute = Path.GetFullPath(Path.Combine(manifestDirectory, path.GetValue<string>()));
                resource["path"] = Path.GetRelativePath(repoRoot, absolute).Replace('\\', '/');
            }
        }
        return manifest;
    }
}
