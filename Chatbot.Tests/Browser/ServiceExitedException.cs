namespace Chatbot.Tests.Browser;

/// <summary>A service process that exited while it was starting, with what it wrote.</summary>
public sealed class ServiceExitedException(string project, int exitCode, string standardError, string output)
    : InvalidOperationException($"{project} exited with {exitCode}:\n{output}")
{
    public int ExitCode { get; } = exitCode;

    /// <summary>What it wrote to stderr alone.</summary>
    public string StandardError { get; } = standardError;

    /// <summary>stdout and stderr together, as they came.</summary>
    public string Output { get; } = output;
}
