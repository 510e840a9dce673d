using System.Net;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>An error Bedrock answered, by its type (e.g. <c>validationException</c>) and HTTP status.</summary>
public sealed class ConverseException(HttpStatusCode status, string errorType, string message)
    : HttpRequestException($"Bedrock {errorType}: {message}", null, status)
{
    public string ErrorType { get; } = errorType;
}
