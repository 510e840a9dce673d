using System.Globalization;
using System.Threading.RateLimiting;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// ASP.NET Core's rate limiter on questions: a token bucket of questions per minute and a cap on
/// open answers, both per caller, chained in one policy that the question endpoint requires. It
/// runs after authentication and authorization, so it partitions on the proven caller (tenant and
/// user) and an unproven request spends nobody's quota. 429 ProblemDetails with Retry-After.
/// </summary>
public static class QuestionLimits
{
    public const string QuestionsPolicy = "questions";

    public static IHostApplicationBuilder AddQuestionLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOptionsWithValidateOnStart<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(QuestionsPolicy, context => RateLimitPartition.Get(CallerIdentity.Of(context.User).Owner, _ => QuestionLimiter(limits)));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static RateLimiter QuestionLimiter(RateLimitOptions limits) => RateLimiter.CreateChained(
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.QuestionsPerMinute,
            TokensPerPeriod = limits.QuestionsPerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }),
        new ConcurrencyLimiter(limits.OpenAnswers()));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await TooManyRequests(rejected.HttpContext.Response, retryAfter).ExecuteAsync(rejected.HttpContext);
    }

    /// <summary>429 with Retry-After in whole seconds (at least 1), header and body alike.</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
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
