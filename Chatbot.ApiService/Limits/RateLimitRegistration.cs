using System.Globalization;
using System.Threading.RateLimiting;
using Chatbot.ApiService.Context;
using Chatbot.ApiService.Endpoints;
using Microsoft.AspNetCore.RateLimiting;

namespace Chatbot.ApiService.Limits;

/// <summary>
/// ASP.NET Core's rate limiter on questions: a token bucket of questions per minute and a cap on
/// open answers, both per user; 429 ProblemDetails with Retry-After when either says no.
/// </summary>
public static class RateLimitRegistration
{
    private static readonly string AskPath = ChatbotApi.Prefix + "/ask_stream";

    public static IHostApplicationBuilder AddChatbotRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddSingleton<RunningAnswersLimiter>();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(QuestionsPerMinute(limits), OpenAnswers(limits));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> QuestionsPerMinute(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsQuestion(context)
            ? RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.QuestionsPerMinute,
                TokensPerPeriod = limits.QuestionsPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static PartitionedRateLimiter<HttpContext> OpenAnswers(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsQuestion(context)
            ? RateLimitPartition.GetConcurrencyLimiter(PartitionKey(context), _ => limits.OpenAnswers())
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsQuestion(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(AskPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Tenant and user as the headers claim them (checked later), else the client address.</summary>
    private static string PartitionKey(HttpContext context)
    {
        var user = AltecoContextParser.Header(context.Request.Headers, "user-id");
        return user is null
            ? "address:" + context.Connection.RemoteIpAddress
            : $"user:{AltecoContextParser.Header(context.Request.Headers, "user-tenant-id")}/{user}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await TooManyRequests(rejected.HttpContext.Response, retryAfter).ExecuteAsync(rejected.HttpContext);
    }

    /// <summary>429 with Retry-After in whole seconds (at least 1), header and body alike.</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"Too many questions at once or in the last minute. Try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = seconds });
    }
}
