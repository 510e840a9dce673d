namespace Chatbot.ApiService.Llm;

/// <summary>The values of <c>Chatbot:Llm:Provider</c>.</summary>
public static class ModelProviders
{
    public const string Offline = "offline";
    public const string Bedrock = "bedrock";
    public const string OpenAI = "openai";
}
