using System.Text;
using Chatbot.Tests.Support;

namespace Chatbot.Tests.Web.Support;

/// <summary>How a scripted response body ends once its frames are read.</summary>
public enum BodyEnding
{
    /// <summary>The body ends normally, as a server that closed the response.</summary>
    Ends,

    /// <summary>Reading throws <see cref="IOException"/>, as when the connection is cut.</summary>
    Breaks,

    /// <summary>Reading waits until the reader cancels, as a stream between events.</summary>
    Hangs,
}

/// <summary>
/// A response body that serves its bytes and then ends, breaks or hangs. Hand-written because
/// none of the framework's streams can fail on cue after serving data (a faulted
/// <c>Pipe</c> throws before its buffered data is read).
/// </summary>
public sealed class ScriptedSseBody(string frames, BodyEnding ending) : ReadOnlyBodyStream
{
    private readonly MemoryStream _data = new(Encoding.UTF8.GetBytes(frames));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _data.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            return read;
        }
        switch (ending)
        {
            case BodyEnding.Breaks:
                throw new IOException("The connection was reset (scripted).");
            case BodyEnding.Hangs:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }
        return 0;
    }
}
