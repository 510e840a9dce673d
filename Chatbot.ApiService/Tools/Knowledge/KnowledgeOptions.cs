using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary><c>Chatbot:Knowledge</c>: the operator's documents the knowledge specialist searches.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Chatbot:Knowledge";

    /// <summary>The built-in articles, under the app's own directory: what is searched when no folder is set.</summary>
    public static readonly string BuiltInPath = Path.Combine(AppContext.BaseDirectory, "Data", "knowledge");

    /// <summary>A folder of Markdown files (<c>*.md</c>, subfolders included); relative to the content root. Empty: the built-in articles.</summary>
    public string? DocumentsPath { get; set; }

    /// <summary>A file larger than this is skipped with a warning.</summary>
    [Range(1L, 100L * 1024 * 1024, ErrorMessage = Section + ":MaxFileBytes must be between 1 byte and 100 MiB.")]
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the folder must stay unchanged before the index is rebuilt, so a copy of many files rebuilds once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Section + ":RebuildDelay must be between zero and ten minutes.")]
    public TimeSpan RebuildDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most passages one search returns (and the answer cites).</summary>
    [Range(1, 10, ErrorMessage = Section + ":MaxPassages must be between 1 and 10.")]
    public int MaxPassages { get; set; } = 3;

    public string ResolvePath(string contentRoot) =>
        string.IsNullOrWhiteSpace(DocumentsPath) ? BuiltInPath : Path.GetFullPath(DocumentsPath, contentRoot);
}
