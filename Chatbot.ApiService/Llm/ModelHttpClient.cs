namespace Chatbot.ApiService.Llm;

/// <summary>The HttpClient the model provider's SDK and the prewarm request share.</summary>
public sealed record ModelHttpClient(HttpClient Http);
