using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// Stands in for a standalone MongoDB on loopback, at the wire protocol: the real driver connects
/// to it, and every command it sends is recorded as the document the server would have received
/// (OP_MSG body and document sequences merged). It stores nothing: reads answer an empty cursor,
/// writes ok; <c>answer</c> replaces a reply where a test needs another.
/// </summary>
public sealed class MongoWireResponder : IAsyncDisposable
{
    private const int OpReply = 1;
    private const int OpQuery = 2004;
    private const int OpMsg = 2013;
    private const int HeaderLength = 16;
    private const uint ChecksumPresent = 1;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<BsonDocument, BsonDocument?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly Task _accepting;
    private int _requestId;

    private MongoWireResponder(Func<BsonDocument, BsonDocument?> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Every command received, in order of arrival; the handshake and monitoring included.</summary>
    public ConcurrentQueue<BsonDocument> Commands { get; } = new();

    public string ConnectionString =>
        $"mongodb://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/?directConnection=true&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000";

    /// <param name="answer">The reply to a command, or null for the default one.</param>
    public static MongoWireResponder Start(Func<BsonDocument, BsonDocument?>? answer = null) => new(answer ?? (_ => null));

    /// <summary>A cursor's one and only batch: the reply to <c>find</c> or <c>aggregate</c>.</summary>
    public static BsonDocument Cursor(BsonDocument command, BsonArray firstBatch) => new()
    {
        { "cursor", new BsonDocument { { "id", 0L }, { "ns", $"{command["$db"]}.{command[0]}" }, { "firstBatch", firstBatch } } },
        { "ok", 1 },
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                _connections.Add(connection);
                _ = ServeAsync(connection);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            while (await ReadMessageAsync(stream) is { } message)
            {
                await stream.WriteAsync(Reply(message), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The driver closed the connection, or the responder is disposed.
        }
    }

    private async Task<byte[]?> ReadMessageAsync(NetworkStream stream)
    {
        var header = new byte[HeaderLength];
        if (!await FillAsync(stream, header))
        {
            return null;
        }
        var message = new byte[BinaryPrimitives.ReadInt32LittleEndian(header)];
        header.CopyTo(message, 0);
        return await FillAsync(stream, message.AsMemory(HeaderLength)) ? message : null;
    }

    private async Task<bool> FillAsync(NetworkStream stream, Memory<byte> buffer)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, _stop.Token);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private byte[] Reply(byte[] message)
    {
        var requestId = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(4));
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(12));
        var command = opCode switch
        {
            OpMsg => ParseMessage(message),
            OpQuery => ParseQuery(message),
            _ => throw new NotSupportedException($"The driver sent opcode {opCode}."),
        };
        Commands.Enqueue(command);
        var reply = (_answer(command) ?? DefaultReply(command)).ToBson();
        return opCode == OpMsg ? Frame(requestId, OpMsg, [0, 0, 0, 0, 0], reply) : Frame(requestId, OpReply, LegacyReplyPrefix(), reply);
    }

    /// <summary>OP_MSG: flags, then sections: a body (kind 0) and document sequences (kind 1) that belong in it as arrays.</summary>
    private static BsonDocument ParseMessage(byte[] message)
    {
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(HeaderLength));
        var end = message.Length - ((flags & ChecksumPresent) != 0 ? 4 : 0);
        var position = HeaderLength + 4;
        BsonDocument? body = null;
        var sequences = new List<(string Name, BsonArray Documents)>();
        while (position < end)
        {
            var kind = message[position++];
            if (kind == 0)
            {
                body = ReadDocument(message, ref position);
                continue;
            }
            var sectionEnd = position + BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(position));
            position += 4;
            var name = ReadCString(message, ref position);
            var documents = new BsonArray();
            while (position < sectionEnd)
            {
                documents.Add(ReadDocument(message, ref position));
            }
            sequences.Add((name, documents));
        }
        foreach (var (name, documents) in sequences)
        {
            body!.Set(name, documents);
        }
        return body!;
    }

    /// <summary>OP_QUERY, which the driver still uses for its first handshake: flags, collection, skip, limit, the command.</summary>
    private static BsonDocument ParseQuery(byte[] message)
    {
        var position = HeaderLength + 4;
        ReadCString(message, ref position);
        position += 8;
        return ReadDocument(message, ref position);
    }

    private static BsonDocument ReadDocument(byte[] message, ref int position)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(position));
        var document = BsonSerializer.Deserialize<BsonDocument>(message.AsSpan(position, length).ToArray());
        position += length;
        return document;
    }

    private static string ReadCString(byte[] message, ref int position)
    {
        var end = Array.IndexOf(message, (byte)0, position);
        var text = Encoding.UTF8.GetString(message, position, end - position);
        position = end + 1;
        return text;
    }

    private byte[] Frame(int responseTo, int opCode, byte[] prefix, byte[] document)
    {
        var frame = new byte[HeaderLength + prefix.Length + document.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), Interlocked.Increment(ref _requestId));
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(12), opCode);
        prefix.CopyTo(frame, HeaderLength);
        document.CopyTo(frame, HeaderLength + prefix.Length);
        return frame;
    }

    /// <summary>OP_REPLY's fields before its one document: no flags, no cursor, from 0, one document.</summary>
    private static byte[] LegacyReplyPrefix()
    {
        var prefix = new byte[20];
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(16), 1);
        return prefix;
    }

    private static BsonDocument DefaultReply(BsonDocument command)
    {
        var name = command.GetElement(0).Name;
        return name.ToLowerInvariant() switch
        {
            "hello" or "ismaster" => Hello(),
            "find" or "aggregate" => Cursor(command, []),
            "insert" => new BsonDocument { { "n", command.GetValue("documents", new BsonArray()).AsBsonArray.Count }, { "ok", 1 } },
            "delete" or "update" => new BsonDocument { { "n", 0 }, { "ok", 1 } },
            _ => new BsonDocument("ok", 1),
        };
    }

    /// <summary>A standalone server of MongoDB 7.0's wire version, with sessions.</summary>
    private static BsonDocument Hello() => new()
    {
        { "helloOk", true },
        { "ismaster", true },
        { "isWritablePrimary", true },
        { "maxBsonObjectSize", 16 * 1024 * 1024 },
        { "maxMessageSizeBytes", 48_000_000 },
        { "maxWriteBatchSize", 100_000 },
        { "localTime", DateTime.UtcNow },
        { "logicalSessionTimeoutMinutes", 30 },
        { "connectionId", 1 },
        { "minWireVersion", 0 },
        { "maxWireVersion", 21 },
        { "readOnly", false },
        { "ok", 1 },
    };

}
