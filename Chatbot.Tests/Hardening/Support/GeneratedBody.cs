namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// A large JSON-looking body made on demand, never held in memory. Not seekable unless its
/// length is to be announced, so HttpClient sends it chunked.
/// </summary>
public sealed class GeneratedBody(long length, bool seekable) : Stream
{
    private static readonly byte[] Prefix = """{"question":" """u8.ToArray();

    public long Produced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => Produced;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var size = (int)Math.Min(count, length - Produced);
        for (var index = 0; index < size; index++)
        {
            var at = Produced + index;
            buffer[offset + index] = at < Prefix.Length ? Prefix[at] : (byte)'a';
        }
        Produced += size;
        return size;
    }

    public override void Flush()
    {
    }

    /// <summary>Only back to the start, which is where HttpClient puts a seekable body before sending it.</summary>
    public override long Seek(long offset, SeekOrigin origin) =>
        seekable && offset == 0 && origin == SeekOrigin.Begin ? Produced = 0 : throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
