namespace Chatbot.ApiService;

/// <summary>
/// Names this assembly for <c>WebApplicationFactory&lt;T&gt;</c>: the AppHost's top-level
/// <c>Program</c> would clash with ours in a test project that references both.
/// </summary>
public sealed class ApiServiceAssembly;
