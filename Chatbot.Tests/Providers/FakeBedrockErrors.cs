using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Providers;

/// <summary>Bedrock's error answers: the error type in <c>x-amzn-ErrorType</c>, the message in the body.</summary>
public static class FakeBedrockErrors
{
    public const string ThrottlingMessage = "Too many requests, please wait before trying again.";

    public static Task WriteThrottlingAsync(HttpResponse response)
    {
        response.Headers["x-amzn-ErrorType"] = "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/";
        return response.WriteAsJsonAsync(new { message = ThrottlingMessage });
    }
}
