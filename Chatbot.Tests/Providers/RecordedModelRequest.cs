using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>One request a fake model server received, and what it answered.</summary>
/// <param name="Path">The decoded path.</param>
/// <param name="RawTarget">The path and query as sent, still percent-encoded.</param>
public sealed record RecordedModelRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Body,
    byte[] RawBody,
    IReadOnlyList<string> OfferedTools,
    FakeReply Reply);
