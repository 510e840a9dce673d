using Microsoft.AspNetCore.Authentication;

namespace Chatbot.ApiService.Identity;

/// <summary>Which header mode the handler runs in.</summary>
public sealed class HeaderIdentityOptions : AuthenticationSchemeOptions
{
    public AuthMode Mode { get; set; } = AuthMode.Gateway;
}
