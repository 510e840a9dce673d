using Chatbot.Web.Api;
using Chatbot.Web.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Web;

/// <summary>The web behind a gateway refuses to start with declared fields it cannot read, naming <c>Chatbot:Identity:Gateway:Fields</c>.</summary>
public sealed class GatewayFieldsSettingTests
{
    private static readonly ApiConnectionOptions Api = new() { GatewaySecret = "api-secret" };
    private static readonly HostingEnvironment Production = new() { EnvironmentName = Environments.Production };

    [Theory]
    [InlineData("user-id,role", "'role', which is no identity field")]
    [InlineData("user-tenant-id,user-systems", "must list user-id")]
    public void Declared_fields_that_are_no_identity_fields_or_name_no_user_refuse_start(string fields, string problem)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => WebIdentitySetup.Select(Gateway(fields.Split(',')), Api, Production));

        Assert.Contains(WebGatewayOptions.FieldsSetting, failure.Message);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void Declared_fields_that_name_the_user_are_accepted() =>
        Assert.Equal(WebIdentityMode.Gateway, WebIdentitySetup.Select(Gateway(["user-id", "user-tenant-id"]), Api, Production).Mode);

    private static WebIdentityOptions Gateway(string[] fields) =>
        new() { Mode = "gateway", Gateway = new WebGatewayOptions { Secret = "platform-secret", Fields = fields } };
}
