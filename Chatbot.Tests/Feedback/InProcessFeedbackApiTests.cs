using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Feedback;

/// <summary>Feedback over HTTP on the embedded in-process store.</summary>
public sealed class InProcessFeedbackApiTests : FeedbackApiContract
{
    protected override ApiFactory CreateFactory() => new();
}
