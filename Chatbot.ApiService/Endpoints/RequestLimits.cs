using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Endpoints;

/// <summary><c>Chatbot:Limits</c>: what a question may be, checked before any work.</summary>
public sealed class RequestLimits
{
    public const string Section = "Chatbot:Limits";

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxQuestionLength must be at least 1.")]
    public int MaxQuestionLength { get; set; } = 8_000;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxBodyBytes must be at least 1.")]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxConversationIdLength must be at least 1.")]
    public int MaxConversationIdLength { get; set; } = 128;

    /// <summary>
    /// Characters one identity header (<c>alteco-*</c>, <c>x-alteco-*</c>) may carry; longer is 431.
    /// All headers together stay within Kestrel's own limits (32 KB, 100 fields).
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxHeaderValueLength must be at least 1.")]
    public int MaxHeaderValueLength { get; set; } = 4_096;

    /// <summary>
    /// Characters the access token header (<c>alteco-access-token</c>) may carry: identity
    /// providers' JWTs with many groups or roles run past 4 KB. Longer is 431.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxAccessTokenLength must be at least 1.")]
    public int MaxAccessTokenLength { get; set; } = 16_384;
}
