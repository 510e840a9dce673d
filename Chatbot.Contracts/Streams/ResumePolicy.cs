namespace Chatbot.Contracts.Streams;

/// <summary>
/// How a broken answer stream is resumed: retries wait <see cref="FirstDelay"/>, doubling up to
/// <see cref="MaxDelay"/>, and one outage gives up after <see cref="Budget"/>.
/// </summary>
public sealed record ResumePolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Budget)
{
    public static ResumePolicy Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
}
