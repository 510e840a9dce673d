namespace Chatbot.ApiService.Settings;

/// <summary>One of the seed's settings (its environment variable) and the setting of ours it fills.</summary>
/// <param name="Variable">The seed's name, e.g. <c>REDIS_URL</c>.</param>
/// <param name="Setting">Our configuration key, e.g. <c>ConnectionStrings:redis</c>.</param>
/// <param name="Convert">The seed's value in our setting's form (seconds to a TimeSpan, a URL to a connection string).</param>
public sealed record SeedAlias(string Variable, string Setting, Func<string, string> Convert);
