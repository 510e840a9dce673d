using Chatbot.ApiService;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// The API's layers, as the README's "Where things live" draws them (the nevers of the design:
/// no loops, HTTP only at the edge, each folder uses only the ones below it).
/// </summary>
public sealed class LayerTests
{
    /// <summary>Top to bottom. A folder uses only folders of the layers below its own, never its own layer or above.</summary>
    public static readonly string[][] Layers =
    [
        [FolderGraph.RootNode],
        ["Endpoints"],
        ["Prewarm"],
        ["Answers", "Feedback"],
        ["Agents"],
        ["Llm"],
        ["Tools"],
        ["Settings"],
        ["Runs"],
        ["Memory"],
        ["Live"],
        ["Streaming", "Identity", "Telemetry", "Logging"],
    ];

    /// <summary>The only places that know ASP.NET Core's HTTP: the composition, the endpoints, who a caller is, and the warm-up that asks its own address.</summary>
    public static readonly string[] KnowHttp = [FolderGraph.RootNode, "Endpoints", "Identity", "Prewarm"];

    private static readonly string[] HttpNamespaces =
        ["Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder"];

    private static readonly FolderGraph Graph = FolderGraph.Of(typeof(ApiServiceAssembly).Assembly, Path.Combine(RepoPaths.Root, FolderGraph.Root));

    public static TheoryData<string> Nodes => [.. Graph.Uses.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every folder but the ones allowed HTTP.</summary>
    public static TheoryData<string> Core => [.. Graph.Uses.Keys.Except(KnowHttp).Order(StringComparer.Ordinal)];

    [Fact]
    public void No_folder_uses_a_folder_that_uses_it_back()
    {
        var loops = Graph.Loops().Select(pair => $"{pair.Item1} <-> {pair.Item2}").ToArray();

        Assert.True(loops.Length == 0, "Folders in a loop: " + string.Join("; ", loops));
    }

    [Fact]
    public void Every_folder_has_a_layer()
    {
        var unplaced = Graph.Uses.Keys.Except(Layers.SelectMany(layer => layer)).ToArray();

        Assert.True(unplaced.Length == 0, "Folders without a layer: " + string.Join(", ", unplaced));
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void A_folder_uses_only_the_layers_below_it(string node)
    {
        var level = LevelOf(node);

        var upward = Graph.Uses[node].Where(used => LevelOf(used) <= level).ToArray();

        Assert.True(upward.Length == 0, $"{node} (layer {level}) uses {string.Join(", ", upward.Select(used => $"{used} (layer {LevelOf(used)})"))}");
    }

    [Fact]
    public void The_folders_allowed_http_exist() => Assert.All(KnowHttp, node => Assert.Contains(node, Graph.Uses.Keys));

    [Theory]
    [MemberData(nameof(Core))]
    public void Only_the_edge_knows_http(string node)
    {
        var result = Graph.TypesOf(node).ShouldNot().HaveDependencyOnAny(HttpNamespaces).GetResult();

        Assert.True(result.IsSuccessful, $"{node} uses HTTP: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static int LevelOf(string node) => Array.FindIndex(Layers, layer => layer.Contains(node));
}
