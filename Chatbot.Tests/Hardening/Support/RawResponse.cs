namespace Chatbot.Tests.Hardening.Support;

/// <summary>One raw HTTP/1.1 response: status, headers as text, body as text.</summary>
public sealed record RawResponse(int Status, string Head, string Body)
{
    public int? ContentLength => Head.Split("\r\n")
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        .Select(parts => (int?)int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
        .FirstOrDefault();

    public bool IsChunked => Head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);

    public static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 4)..];
        var parts = head.Split(' ', 3);
        var status = parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0;
        return new RawResponse(status, head, body);
    }

    public override string ToString() => $"{Status}\n{Head}\n\n{Body}";
}
