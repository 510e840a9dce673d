using Chatbot.ApiService;
using NetArchTest.Rules;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// The agent team reads top to bottom: no two types in <c>Agents/</c> use each other, directly or
/// through others (a runtime that builds a manager which calls back into the runtime's statics is
/// such a loop). Read from the compiled IL; a nested type (a lambda's closure, an async state
/// machine) counts as the type that declares it.
/// </summary>
public sealed class TeamTypeTests
{
    private const string Agents = FolderGraph.Root + ".Agents";

    private static readonly System.Reflection.Assembly Api = typeof(ApiServiceAssembly).Assembly;

    [Fact]
    public void No_type_in_agents_uses_a_type_that_uses_it_back()
    {
        var loops = DependencyLoops.In(TypeUses()).Select(pair => $"{pair.Item1} <-> {pair.Item2}");

        Assert.Empty(loops);
    }

    /// <summary>Each top-level type in Agents → the other top-level types in Agents it depends on.</summary>
    private static Dictionary<string, IReadOnlySet<string>> TypeUses()
    {
        var types = Types.InAssembly(Api).That().ResideInNamespace(Agents).GetTypes()
            .Select(Outermost).Distinct().ToArray();
        var uses = types.ToDictionary(type => type.Name, _ => new HashSet<string>());
        foreach (var used in types)
        {
            var users = Types.InAssembly(Api).That().ResideInNamespace(Agents).And().HaveDependencyOn(used.FullName!).GetTypes();
            foreach (var user in users.Select(Outermost).Where(user => user != used))
            {
                uses[user.Name].Add(used.Name);
            }
        }
        return uses.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value);
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
