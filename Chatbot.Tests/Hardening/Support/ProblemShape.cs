using System.Text.Json;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// What an error body may hold: a ProblemDetails whose only diagnostic is <c>traceId</c>, and
/// nothing internal (exception type names, stack frames, source paths).
/// </summary>
public static class ProblemShape
{
    private static readonly HashSet<string> AllowedMembers = ["type", "title", "status", "detail", "instance", "traceId", "errors", "field"];

    private static readonly string[] InternalMarkers = ["Exception", "   at ", " at System.", " at Microsoft.", ".cs:line", "/work/", "/root/", "System.Text.Json", "StackTrace", "InnerException"];

    /// <summary>Why the body is not a clean problem, or null when it is (an empty body is clean).</summary>
    public static string? Flaw(int status, string? contentType, string body)
    {
        if (body.Length == 0)
        {
            return null;
        }
        if (InternalMarkers.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal)) is { } marker)
        {
            return $"{status} body shows internals ('{marker}'): {body}";
        }
        if (contentType != "application/problem+json")
        {
            return $"{status} body is {contentType}, not a problem: {body}";
        }
        using var problem = JsonDocument.Parse(body);
        var members = problem.RootElement.EnumerateObject().Select(member => member.Name).ToArray();
        if (members.FirstOrDefault(member => !AllowedMembers.Contains(member)) is { } extra)
        {
            return $"{status} problem has member '{extra}': {body}";
        }
        return members.Contains("traceId") ? null : $"{status} problem has no traceId: {body}";
    }
}
