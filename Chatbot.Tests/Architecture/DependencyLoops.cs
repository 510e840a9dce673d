namespace Chatbot.Tests.Architecture;

/// <summary>Pairs of nodes (folders, types) that use each other, directly or through others.</summary>
public static class DependencyLoops
{
    public static IEnumerable<(string, string)> In(IReadOnlyDictionary<string, IReadOnlySet<string>> uses) =>
        from a in uses.Keys
        from b in uses.Keys
        where string.CompareOrdinal(a, b) < 0 && Reaches(uses, a, b) && Reaches(uses, b, a)
        select (a, b);

    private static bool Reaches(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, string from, string to)
    {
        var seen = new HashSet<string>();
        var next = new Queue<string>([from]);
        while (next.TryDequeue(out var node))
        {
            foreach (var used in uses[node].Where(seen.Add))
            {
                if (used == to)
                {
                    return true;
                }
                next.Enqueue(used);
            }
        }
        return false;
    }
}
