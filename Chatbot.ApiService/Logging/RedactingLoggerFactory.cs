using System.Collections.Concurrent;

namespace Chatbot.ApiService.Logging;

/// <summary>The process's logger factory, with every logger it hands out wrapped in a <see cref="RedactingLogger"/>.</summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new RedactingLogger(inner.CreateLogger(name), redactor));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
