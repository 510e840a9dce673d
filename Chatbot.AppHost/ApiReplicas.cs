namespace Chatbot.AppHost;

/// <summary>How many API replicas to run: <c>Chatbot:ApiReplicas</c>, default 1.</summary>
public static class ApiReplicas
{
    public const string Setting = "Chatbot:ApiReplicas";

    public static int Count(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return 1;
        }
        return int.TryParse(configured, out var count) && count >= 1
            ? count
            : throw new InvalidOperationException($"{Setting} must be a whole number of at least 1; it is '{configured}'.");
    }
}
