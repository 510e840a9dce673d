using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Runs.Redis;

namespace Chatbot.ApiService.Runs;

/// <summary>Resumable runs on Redis when it is configured (any replica resumes any run), else in this process.</summary>
public static class RunRegistration
{
    public static IServiceCollection AddResumableRuns(this IServiceCollection services, StoreStatus status)
    {
        services.AddOptionsWithValidateOnStart<ResumableRunOptions, ResumableRunOptionsValidator>().BindConfiguration(ResumableRunOptions.Section);
        services.AddSingleton<RunCancellations>();
        if (status.Memory == StoreStatus.RedisMemory)
        {
            services.AddSingleton<IRunStore, RedisRunStore>();
        }
        else
        {
            services.AddSingleton<IRunStore, InProcessRunStore>();
        }
        return services;
    }
}
