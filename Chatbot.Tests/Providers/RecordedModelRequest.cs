using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>One request a fake model server received, and what it answered.</summary>
public sealed record RecordedModelRequest(
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Body,
    IReadOnlyList<string> OfferedTools,
    FakeReply Reply);
