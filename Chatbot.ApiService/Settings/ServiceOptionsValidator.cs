using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Settings;

/// <summary>Checks <see cref="ServiceOptions"/>' annotations, generated at build time (no reflection).</summary>
[OptionsValidator]
public sealed partial class ServiceOptionsValidator : IValidateOptions<ServiceOptions>;
