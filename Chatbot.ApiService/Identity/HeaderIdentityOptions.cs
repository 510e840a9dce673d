using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// What a request must prove before its identity headers are read (null in development mode,
/// where nothing is), and which of its fields are read then.
/// </summary>
public sealed class HeaderIdentityOptions : AuthenticationSchemeOptions
{
    public Func<HttpContext, bool>? Proof { get; set; }

    public IdentityFields Fields { get; set; } = IdentityFields.All;
}
