using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Resumable runs without Redis: kept in the API's process.</summary>
public sealed class InProcessResumableStreamTests : ResumableStreamContract
{
    protected override ApiFactory CreateFactory(int tokenDelayMs = 0) =>
        new ApiFactory().With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());
}
