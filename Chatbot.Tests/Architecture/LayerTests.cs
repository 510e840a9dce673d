using Chatbot.ApiService;

namespace Chatbot.Tests.Architecture;

/// <summary>The API's folders as DESIGN.md draws them: no loops, and HTTP only at the edge.</summary>
public sealed class LayerTests
{
    private static readonly FolderGraph Graph = FolderGraph.Of(typeof(ApiServiceAssembly).Assembly);

    [Fact]
    public void No_folder_uses_a_folder_that_uses_it_back()
    {
        var loops = Graph.Loops().Select(pair => $"{pair.Item1} <-> {pair.Item2}").ToArray();
        File.WriteAllLines("/tmp/graph.txt", Graph.Uses.Select(pair => $"{pair.Key}: {string.Join(", ", pair.Value.Order())}"));

        Assert.True(loops.Length == 0, "Folders in a loop: " + string.Join("; ", loops));
    }
}
