using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>What the answer endpoints need, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record AnswerServices(AnswerCoordinator Answers, QuestionRequestReader Reader, IOptions<StreamingOptions> Streaming)
{
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Streaming.Value.HeartbeatSeconds);
}
