using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Knowledge.Support;

/// <summary>The real API in memory, its knowledge specialist reading the test's own documents folder.</summary>
public sealed class DocumentsApi : IAsyncLifetime, IAsyncDisposable
{
    public DocumentsApi()
        : this(null, [])
    {
    }

    private DocumentsApi(Action<OperatorDocuments>? prepare, (string Key, string Value)[] settings)
    {
        prepare?.Invoke(Documents);
        Factory = new ApiFactory().With($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.DocumentsPath)}", Documents.Folder);
        foreach (var (key, value) in settings)
        {
            Factory.With(key, value);
        }
    }

    /// <summary>With files of its own (<paramref name="prepare"/>) written before the API starts, and settings of its own.</summary>
    public static DocumentsApi With(Action<OperatorDocuments> prepare, params (string Key, string Value)[] settings) => new(prepare, settings);

    public OperatorDocuments Documents { get; } = new();

    public ApiFactory Factory { get; }

    public KnowledgeLibrary Library => Factory.Services.GetRequiredService<KnowledgeLibrary>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Documents.Dispose();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
