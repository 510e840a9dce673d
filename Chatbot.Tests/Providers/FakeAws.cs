namespace Chatbot.Tests.Providers;

/// <summary>
/// Dummy AWS credentials in the environment, where the AWS default chain finds them; instance
/// metadata is disabled so nothing leaves the loopback interface.
/// </summary>
public static class FakeAws
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIAFAKEPROVIDERTEST";
    public const string SecretAccessKey = "fake-secret-access-key-for-tests";

    public static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_BEARER_TOKEN_BEDROCK"] = null,
    };
}

/// <summary>The tests that put <see cref="FakeAws"/> in the process's environment, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AwsEnvironmentCollection
{
    public const string Name = "AWS environment";
}
