using Chatbot.ApiService;
using NetArchTest.Rules;

namespace Chatbot.Tests.Architecture;

/// <summary>The API's folders as DESIGN.md draws them: no loops, and HTTP only at the edge.</summary>
public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly Api = typeof(ApiServiceAssembly).Assembly;

    private static readonly FolderGraph Graph = FolderGraph.Of(Api, Path.Combine(RepoPaths.Root, FolderGraph.Root));

    [Fact]
    public void No_folder_uses_a_folder_that_uses_it_back()
    {
        var loops = Graph.Loops().Select(pair => $"{pair.Item1} <-> {pair.Item2}").ToArray();

        Assert.True(loops.Length == 0, "Folders in a loop: " + string.Join("; ", loops));
    }

    [Theory]
    [InlineData("Agents")]
    [InlineData("Answers")]
    [InlineData("Memory")]
    [InlineData("Runs")]
    [InlineData("Streaming")]
    [InlineData("Tools")]
    [InlineData("Llm")]
    [InlineData("Limits")]
    public void The_core_knows_no_http(string folder)
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace($"{FolderGraph.Root}.{folder}")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{folder} uses HTTP: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("Tools", "Agents")]
    [InlineData("Memory", "Agents")]
    [InlineData("Llm", "Agents")]
    public void A_lower_folder_does_not_reach_up(string folder, string above) =>
        Assert.False(Graph.Uses[folder].Contains(above), $"{folder} uses {above}");
}
