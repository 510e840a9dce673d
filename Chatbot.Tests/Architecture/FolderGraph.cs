using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// The ApiService's folders (one namespace each) and which ones each one uses: read from the
/// compiled IL (NetArchTest), and from the source's <c>Chatbot.ApiService.*</c> mentions, which
/// also catch constants the compiler copies into the IL as plain values.
/// </summary>
public sealed partial class FolderGraph
{
    public const string Root = "Chatbot.ApiService";

    private FolderGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> uses) => Uses = uses;

    /// <summary>Folder → the other folders its types depend on.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Uses { get; }

    public static FolderGraph Of(Assembly assembly, string sourceDirectory)
    {
        var folders = assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(name => name.Split('.')[2])
            .Distinct()
            .ToArray();
        var uses = folders.ToDictionary(
            folder => folder,
            folder => (IReadOnlySet<string>)folders
                .Where(other => other != folder && (InIl(assembly, folder, other) || InSource(sourceDirectory, folder, other)))
                .ToHashSet());
        return new FolderGraph(uses);
    }

    /// <summary>Pairs of folders that use each other, directly or through others.</summary>
    public IEnumerable<(string, string)> Loops() => DependencyLoops.In(Uses);

    private static bool InIl(Assembly assembly, string folder, string other) =>
        !Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{folder}")
            .ShouldNot().HaveDependencyOn($"{Root}.{other}")
            .GetResult().IsSuccessful;

    private static bool InSource(string sourceDirectory, string folder, string other)
    {
        var directory = Path.Combine(sourceDirectory, folder);
        return Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Any(file => Mentions(File.ReadAllText(file), other));
    }

    private static bool Mentions(string source, string folder) =>
        FolderMention().Matches(source).Any(match => match.Groups[1].Value == folder);

    [GeneratedRegex(@"\bChatbot\.ApiService\.([A-Za-z]+)\b")]
    private static partial Regex FolderMention();
}
