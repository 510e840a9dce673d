using System.Diagnostics;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>
/// The documents folder's passage index: built the first time it is needed (the warm-up builds it
/// as the process starts), then rebuilt whenever a Markdown file in the folder is added, changed,
/// renamed or removed, once the folder has been quiet for <see cref="KnowledgeOptions.RebuildDelay"/>.
/// A rebuild swaps the whole index at once; searches meanwhile use the one before. A rebuild that
/// fails keeps the index before it.
/// </summary>
public sealed class KnowledgeLibrary : IDisposable
{
    private const string MarkdownFiles = "**/*.md";

    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeLibrary> _logger;
    private readonly Lock _gate = new();
    private readonly Lock _building = new();
    private readonly Timer _quietTimer;
    private Task<PassageIndex>? _first;
    private PassageIndex? _current;
    private PhysicalFileProvider? _files;
    private IDisposable? _watch;
    private int _generation;

    public KnowledgeLibrary(IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<KnowledgeLibrary> logger)
    {
        _options = options.Value;
        _logger = logger;
        Folder = _options.ResolvePath(environment.ContentRootPath);
        _quietTimer = new Timer(_ => RebuildAfterChange());
    }

    /// <summary>The folder searched, as a full path.</summary>
    public string Folder { get; }

    /// <summary>How many indexes have been built: 1 after the first, one more with every rebuild.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The current index; the first call builds it and starts watching the folder.</summary>
    public Task<PassageIndex> IndexAsync()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return Task.FromResult(current);
        }
        lock (_gate)
        {
            if (_first is null || _first.IsFaulted)
            {
                _first = Task.Run(BuildFirst);
            }
            return _first;
        }
    }

    /// <summary>The passages that answer <paramref name="question"/>, best first, at most <see cref="KnowledgeOptions.MaxPassages"/>.</summary>
    public async Task<IReadOnlyList<Passage>> SearchAsync(string question) =>
        (await IndexAsync()).Search(question, _options.MaxPassages);

    private PassageIndex BuildFirst()
    {
        var index = Build();
        Watch();
        return index;
    }

    private PassageIndex Build()
    {
        lock (_building)
        {
            var started = Stopwatch.GetTimestamp();
            var index = PassageIndex.Build(DocumentFolder.Read(Folder, _options.MaxFileBytes, _logger));
            Volatile.Write(ref _current, index);
            var generation = Interlocked.Increment(ref _generation);
            _logger.LogInformation("Indexed {Passages} passages of the documents in {Folder} in {ElapsedMs:F1} ms (index {Generation})",
                index.Count, Folder, Stopwatch.GetElapsedTime(started).TotalMilliseconds, generation);
            return index;
        }
    }

    /// <summary>A folder that does not exist cannot be watched: it is read again only when the process restarts.</summary>
    private void Watch()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }
        _files = new PhysicalFileProvider(Folder);
        _watch = ChangeToken.OnChange(() => _files.Watch(MarkdownFiles), RestartQuietTimer);
    }

    private void RestartQuietTimer()
    {
        try
        {
            _quietTimer.Change(_options.RebuildDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    private void RebuildAfterChange()
    {
        try
        {
            Build();
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Rebuilding the index of the documents in {Folder} failed; searches keep the index before", Folder);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _files?.Dispose();
        _quietTimer.Dispose();
    }
}
