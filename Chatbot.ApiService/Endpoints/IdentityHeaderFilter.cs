using System.Buffers;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// Bounds the gateway's identity headers before any work. A value longer than
/// <see cref="RequestLimits.MaxHeaderValueLength"/> (<see cref="RequestLimits.MaxAccessTokenLength"/>
/// for the access token) gets 431 Request Header Fields Too Large
/// (RFC 6585 §5: a single field too large, named in the response); a value with a control
/// character (ESC, DEL, ...: they would forge log lines) gets 400. Both ProblemDetails name the
/// header in <c>field</c>. Kestrel has already refused CR, LF and NUL in any header, and holds
/// all headers together to 32 KB and 100 fields (431).
/// </summary>
public sealed class IdentityHeaderFilter(IOptions<RequestLimits> limits) : IEndpointFilter
{
    private const string TooLargeType = "https://www.rfc-editor.org/rfc/rfc6585#section-5";

    /// <summary>Every control character but the tab, which HTTP allows inside a value.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c != '\t').ToArray());

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Check(context.HttpContext.Request.Headers, limits.Value) is { } problem ? ValueTask.FromResult<object?>(problem) : next(context);

    /// <summary>The problem with the first offending identity header, or null when all are fine.</summary>
    public static IResult? Check(IHeaderDictionary headers, RequestLimits limits)
    {
        foreach (var (name, values) in headers)
        {
            if (!IdentityHeaders.IsIdentityHeader(name))
            {
                continue;
            }
            var value = values.ToString();
            var maxLength = IsAccessToken(name) ? limits.MaxAccessTokenLength : limits.MaxHeaderValueLength;
            if (value.Length > maxLength)
            {
                return Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request header too large",
                    $"Header {name.ToLowerInvariant()} must be at most {maxLength} characters.", name, TooLargeType);
            }
            if (value.AsSpan().ContainsAny(ForbiddenControls))
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid request header",
                    $"Header {name.ToLowerInvariant()} must not contain control characters.", name, type: null);
            }
        }
        return null;
    }

    private static bool IsAccessToken(string name) =>
        name.EndsWith("access-token", StringComparison.OrdinalIgnoreCase) || name.EndsWith("access_token", StringComparison.OrdinalIgnoreCase);

    private static IResult Problem(int status, string title, string detail, string header, string? type) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type,
            extensions: new Dictionary<string, object?> { ["field"] = header.ToLowerInvariant() });
}
