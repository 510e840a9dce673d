namespace Chatbot.ApiService.Settings;

/// <summary>
/// The seed names the AWS access key <c>AWS_ACCESS_KEY</c>; the AWS credential chain (both Bedrock
/// clients) reads only <c>AWS_ACCESS_KEY_ID</c>, from the environment. Its secret,
/// <c>AWS_SECRET_ACCESS_KEY</c>, already has the chain's name.
/// </summary>
public static class SeedAwsCredentials
{
    public const string SeedAccessKey = "AWS_ACCESS_KEY";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";

    /// <summary>Puts the seed's access key where the chain reads it, unless the chain's own is set.</summary>
    /// <returns>The warning to log at start, or null when the seed's name is not used.</returns>
    public static string? Apply(IConfiguration configuration)
    {
        if (configuration[SeedAccessKey] is not { Length: > 0 } seedKey)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AccessKeyId)))
        {
            return $"{SeedAccessKey} (the seed's name) is ignored because {AccessKeyId} is set; remove {SeedAccessKey}.";
        }
        Environment.SetEnvironmentVariable(AccessKeyId, seedKey);
        return $"{SeedAccessKey} is the seed's name for the AWS access key and is used as {AccessKeyId}; "
            + $"set {AccessKeyId} and {SecretAccessKey} instead, the names the AWS credential chain reads.";
    }
}
