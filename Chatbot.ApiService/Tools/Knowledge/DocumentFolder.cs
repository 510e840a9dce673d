using System.Text;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>
/// Reads the Markdown files of the documents folder (subfolders included) into passages. A file
/// that is over the size cap, not UTF-8, binary or unreadable is skipped with a warning naming it;
/// a missing or empty folder is a warning too. Never throws for what is in the folder.
/// </summary>
public static class DocumentFolder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<Passage> Read(string folder, long maxFileBytes, ILogger logger)
    {
        var passages = new List<Passage>();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The documents folder {Folder} does not exist: the knowledge specialist has no documents", folder);
            return passages;
        }
        var files = Directory.EnumerateFiles(folder, "*.md", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var file in files)
        {
            var document = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (ReadText(file, document, maxFileBytes, logger) is { } markdown)
            {
                passages.AddRange(MarkdownPassages.Split(document, markdown));
            }
        }
        if (passages.Count == 0)
        {
            logger.LogWarning("The documents folder {Folder} has no passages to search ({Files} Markdown files)", folder, files.Length);
        }
        return passages;
    }

    private static string? ReadText(string file, string document, long maxFileBytes, ILogger logger)
    {
        try
        {
            var size = new FileInfo(file).Length;
            if (size > maxFileBytes)
            {
                logger.LogWarning("Skipped document {Document}: {Bytes} bytes is over the cap of {MaxFileBytes} (Chatbot:Knowledge:MaxFileBytes)", document, size, maxFileBytes);
                return null;
            }
            var text = StrictUtf8.GetString(File.ReadAllBytes(file));
            if (text.Contains('\0'))
            {
                logger.LogWarning("Skipped document {Document}: it is binary, not Markdown text", document);
                return null;
            }
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            logger.LogWarning("Skipped document {Document}: it is not valid UTF-8", document);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Skipped document {Document}: it could not be read ({Reason})", document, exception.Message);
            return null;
        }
    }
}
