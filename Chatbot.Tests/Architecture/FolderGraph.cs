using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// The ApiService's folders (one namespace each, sub-namespaces included) and its root namespace
/// (<see cref="RootNode"/>: Program's services, the composition) as nodes, and which ones each one
/// uses: read from the compiled IL (NetArchTest), and from the source's <c>Chatbot.ApiService</c>
/// mentions, which also catch constants the compiler copies into the IL as plain values.
/// </summary>
public sealed partial class FolderGraph
{
    public const string Root = "Chatbot.ApiService";

    /// <summary>The root namespace's node.</summary>
    public const string RootNode = "(root)";

    private readonly Assembly _assembly;
    private readonly string[] _rootTypes;

    private FolderGraph(Assembly assembly, string sourceDirectory)
    {
        _assembly = assembly;
        _rootTypes = assembly.GetTypes().Where(type => type.Namespace == Root && !type.Name.StartsWith('<'))
            .Select(type => type.Name).Distinct().ToArray();
        var nodes = assembly.GetTypes().Select(type => NodeOf(type.Namespace)).OfType<string>().Distinct().ToArray();
        Uses = nodes.ToDictionary(
            node => node,
            node => (IReadOnlySet<string>)nodes
                .Where(other => other != node && (InIl(node, other) || InSource(sourceDirectory, node, other)))
                .ToHashSet());
    }

    /// <summary>Node → the other nodes its types depend on.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Uses { get; }

    public static FolderGraph Of(Assembly assembly, string sourceDirectory) => new(assembly, sourceDirectory);

    /// <summary>Pairs of nodes that use each other, directly or through others.</summary>
    public IEnumerable<(string, string)> Loops() => DependencyLoops.In(Uses);

    /// <summary>The types of a node, for a NetArchTest rule.</summary>
    public PredicateList TypesOf(string node) => node == RootNode
        ? Types.InAssembly(_assembly).That().ResideInNamespaceMatching($"^{Regex.Escape(Root)}$")
        : Types.InAssembly(_assembly).That().ResideInNamespace($"{Root}.{node}");

    private static string? NodeOf(string? space) =>
        space == Root ? RootNode
        : space?.StartsWith(Root + ".", StringComparison.Ordinal) == true ? space.Split('.')[2]
        : null;

    private bool InIl(string node, string other)
    {
        var targets = other == RootNode ? _rootTypes.Select(type => $"{Root}.{type}").ToArray() : [$"{Root}.{other}"];
        return !TypesOf(node).ShouldNot().HaveDependencyOnAny(targets).GetResult().IsSuccessful;
    }

    private bool InSource(string sourceDirectory, string node, string other)
    {
        var files = node == RootNode
            ? Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.TopDirectoryOnly)
            : Directory.Exists(Path.Combine(sourceDirectory, node))
                ? Directory.EnumerateFiles(Path.Combine(sourceDirectory, node), "*.cs", SearchOption.AllDirectories)
                : [];
        return files.Any(file => Mentions(File.ReadAllText(file)).Contains(other));
    }

    /// <summary>The nodes a source file names: <c>Chatbot.ApiService.Folder</c>, or the root namespace or one of its types.</summary>
    private HashSet<string> Mentions(string source) => Mention().Matches(source)
        .Select(match => match.Groups[1].Success && !_rootTypes.Contains(match.Groups[1].Value) ? match.Groups[1].Value : RootNode)
        .ToHashSet();

    // Not inside a string: the service's default name is "Chatbot.ApiService".
    [GeneratedRegex(@"(?<!"")\bChatbot\.ApiService(?:\.([A-Za-z]+))?\b")]
    private static partial Regex Mention();
}
