using System.ComponentModel.DataAnnotations;
using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Settings;

/// <summary><c>Chatbot:Service</c>: the API's name, version and route prefix (the seed's PROJECT_NAME, VERSION, API_V1_STR).</summary>
public sealed class ServiceOptions
{
    public const string Section = "Chatbot:Service";

    /// <summary>The OpenAPI document's title, and what the root answers.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = Section + ":Name must not be empty.")]
    public string Name { get; set; } = "Chatbot.ApiService";

    /// <summary>The OpenAPI document's version; the framework's default when unset.</summary>
    public string? Version { get; set; }

    /// <summary>
    /// The API's routes are also served under <c>{RoutePrefix}/chatbot</c> (the seed's API_V1_STR);
    /// they are always served under <see cref="ChatbotRoutes.Prefix"/>, which our clients call.
    /// </summary>
    [RegularExpression("^(/[A-Za-z0-9._~-]+)*$",
        ErrorMessage = Section + ":RoutePrefix must be empty or path segments each starting with '/' (like /api/v1), without a trailing '/'.")]
    public string RoutePrefix { get; set; } = ChatbotRoutes.ApiPrefix;
}
