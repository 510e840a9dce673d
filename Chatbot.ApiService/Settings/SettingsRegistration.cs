namespace Chatbot.ApiService.Settings;

/// <summary>The seed's variables as aliases of our settings, and the service's own name, version and route prefix.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Call first: the aliases go below every other configuration source (any setting of ours
    /// wins), and must be in place before connection strings are read.
    /// </summary>
    public static IHostApplicationBuilder AddChatbotSettings(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new SeedAliasSource(builder.Configuration));
        var awsNotice = SeedAwsCredentials.Apply(builder.Configuration);
        builder.Services.AddHostedService(services => new SeedSettingsLog(
            services.GetRequiredService<IConfiguration>(), awsNotice, services.GetRequiredService<ILogger<SeedSettingsLog>>()));

        builder.Services.AddOptionsWithValidateOnStart<ServiceOptions>().BindConfiguration(ServiceOptions.Section).ValidateDataAnnotations();
        return builder;
    }
}
