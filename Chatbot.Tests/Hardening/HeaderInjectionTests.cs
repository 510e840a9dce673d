using System.Net;
using System.Text;
using System.Text.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// Header values HttpClient refuses to send (CR, LF, NUL, obs-fold, control bytes, non-ASCII),
/// written by hand over TCP to the built API on Kestrel: each gets a clean 4xx, never a 500, and
/// the server answers a normal request right after.
/// </summary>
/// <remarks>
/// A CR LF pair in a value is, on the wire, the end of that header: the server sees two headers,
/// exactly as if the client had sent both, so there is nothing to reject. What a server can
/// refuse is everything else: a bare CR or LF, a NUL, a folded line, a control character.
/// </remarks>
[Collection(ApiProcessCollection.Name)]
public sealed class HeaderInjectionTests(ApiProcess api)
{
    private static readonly byte[] Question = Encoding.UTF8.GetBytes(BodyMutator.ValidJson("What is OPEX?", "injection-1"));

    public static TheoryData<string, string, int> Attempts => new()
    {
        { "bare CR before a second header", "alteco-user-id: a\rX-Evil: 1\r\n", 400 },
        { "bare LF before a second header", "alteco-user-id: a\nalteco-user-role: superAdmin\r\n", 400 },
        { "obs-fold continuation line", "alteco-user-id: a\r\n alteco-user-role: superAdmin\r\n", 400 },
        { "obs-fold with a tab", "alteco-user-id: a\r\n\talteco-user-role: superAdmin\r\n", 400 },
        { "NUL in a value", "alteco-user-id: a\0b\r\n", 400 },
        { "NUL in a name", "alteco-user\0-id: a\r\n", 400 },
        { "SOH in an identity value", "alteco-user-id: a\u0001b\r\n", 400 },
        { "ANSI escape in the log id", "alteco-log-id: a\u001b[31mred\r\n", 400 },
        { "DEL in the role", "alteco-user-role: superAdmin\u007f\r\n", 400 },
        { "Latin-1 byte in a value", "alteco-user-id: J\u00fcrgen\r\n", 400 },
        { "space before the colon", "alteco-user-id : a\r\n", 400 },
        { "no colon", "alteco-user-id a\r\n", 400 },
        { "identity value over 4096 characters", $"alteco-user-id: {new string('a', 5_000)}\r\n", 431 },
        { "headers over Kestrel's 32 KB in all", string.Concat(Enumerable.Range(0, 10).Select(i => $"x-pad-{i}: {new string('p', 4_000)}\r\n")), 431 },
        { "more than 100 header fields", string.Concat(Enumerable.Range(0, 110).Select(i => $"x-many-{i}: 1\r\n")), 431 },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task A_malformed_header_gets_a_clean_4xx_and_the_server_keeps_serving(string name, string headerLines, int status)
    {
        var response = await RawHttp.SendAsync(api.BaseAddress, RawHttp.Post(api.BaseAddress, ChatbotRoutes.AskStream, headerLines, Question));

        Assert.True(response.Status == status, $"{name}: {response}");
        Assert.DoesNotContain("X-Evil", response.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Null(ProblemShape.Flaw(response.Status, ContentType(response), Unchunked(response)));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_oversize_identity_header_is_named_in_the_problem()
    {
        var response = await RawHttp.SendAsync(api.BaseAddress,
            RawHttp.Post(api.BaseAddress, ChatbotRoutes.AskStream, $"x-alteco-user-systems: [\"{new string('S', 5_000)}\"]\r\n", Question));

        Assert.Equal(431, response.Status);
        Assert.Equal("x-alteco-user-systems", JsonDocument.Parse(Unchunked(response)).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_conversation_id_with_CR_LF_cannot_split_the_stream_response()
    {
        var body = Encoding.UTF8.GetBytes("""{"question":"What is OPEX?","conversation_id":"a\r\nSet-Cookie: session=evil"}""");

        var response = await RawHttp.SendAsync(api.BaseAddress, RawHttp.Post(api.BaseAddress, ChatbotRoutes.AskStream, $"{StreamHeaders.Stream}: true\r\n", body));

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain("Set-Cookie", response.Head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_well_formed_raw_request_is_answered()
    {
        var response = await RawHttp.SendAsync(api.BaseAddress,
            RawHttp.Post(api.BaseAddress, ChatbotRoutes.AskStream, "alteco-user-id: raw-user\r\nalteco-user-systems: [\"PV-001\"]\r\n", Question));

        Assert.Equal(200, response.Status);
    }

    private async Task AssertStillServingAsync()
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = RawHttp.Timeout };
        using var content = new StringContent(BodyMutator.ValidJson("What is CAPEX?", "still-serving"), Encoding.UTF8, "application/json");
        var response = await http.PostAsync(ChatbotRoutes.AskStream, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("An unhandled exception has occurred", api.Process.Output, StringComparison.Ordinal);
    }

    private static string? ContentType(RawResponse response) => response.Head.Split("\r\n")
        .Where(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
        .Select(line => line["Content-Type:".Length..].Split(';')[0].Trim())
        .FirstOrDefault();

    /// <summary>The body without chunk framing (one chunk is all a problem needs).</summary>
    private static string Unchunked(RawResponse response)
    {
        if (!response.IsChunked || response.Body.Length == 0)
        {
            return response.Body;
        }
        var sizeEnd = response.Body.IndexOf("\r\n", StringComparison.Ordinal);
        var size = Convert.ToInt32(response.Body[..sizeEnd], 16);
        return response.Body.Substring(sizeEnd + 2, size);
    }
}
