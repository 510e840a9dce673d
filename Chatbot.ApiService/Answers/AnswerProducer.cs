using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>What produces an answer's events into its sink until it ends: the agent team, or prewarm's rehearsal of it.</summary>
public delegate Task AnswerProducer(ChatTurn turn, RunEventSink sink, CancellationToken stop);
