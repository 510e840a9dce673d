namespace Microsoft.Extensions.Hosting;

/// <summary>The ActivitySource and Meter names every Chatbot service exports.</summary>
public static class ChatbotTelemetry
{
    /// <summary>Our own source and meter name.</summary>
    public const string ServiceName = "Chatbot";

    /// <remarks>
    /// Not Semantic Kernel's source: its <c>execute_tool</c> span repeats the one Microsoft.Extensions.AI
    /// opens for the same call, and a tool call is one span (tagged by our filter).
    /// </remarks>
    public static readonly string[] ActivitySourceNames =
    [
        ServiceName,
        "Experimental.Microsoft.Extensions.AI",
        "MongoDB.Driver", // the driver's native tracing (3.7+)
    ];

    public static readonly string[] MeterNames =
    [
        ServiceName,
        "Experimental.Microsoft.Extensions.AI",
        "Microsoft.SemanticKernel*",
    ];
}
