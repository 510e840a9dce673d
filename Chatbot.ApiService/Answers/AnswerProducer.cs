using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>What produces an answer's events into its sink until it ends: the agent team (<see cref="ChatTurnRunner.StartAsync"/>).</summary>
public delegate Task AnswerProducer(ChatTurn turn, RunEventSink sink, CancellationToken stop);
