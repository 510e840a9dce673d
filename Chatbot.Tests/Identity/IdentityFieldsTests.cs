using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Identity;

/// <summary>The list of fields an operator declares a gateway sets: checked at start, naming the setting.</summary>
public sealed class IdentityFieldsTests
{
    private const string Setting = "Chatbot:Auth:GatewayFields";

    [Fact]
    public void No_declared_list_is_every_field_read_today()
    {
        var fields = IdentityFields.Declared([], Setting);

        Assert.All(IdentityHeaders.Fields, field => Assert.True(fields.Contains(field), field));
    }

    [Fact]
    public void A_declared_list_is_exactly_its_fields_whatever_their_case_and_spacing()
    {
        var fields = IdentityFields.Declared([" user-id", "USER-TENANT-ID ", "user-systems"], Setting);

        Assert.True(fields.Contains(IdentityHeaders.UserId) && fields.Contains(IdentityHeaders.TenantId) && fields.Contains(IdentityHeaders.Systems));
        Assert.False(fields.Contains(IdentityHeaders.Role));
        Assert.False(fields.Contains(IdentityHeaders.LogId));
    }

    [Theory]
    [InlineData("user-rank")]
    [InlineData("alteco-user-role")]
    [InlineData("user_role")]
    public void A_name_that_is_no_identity_field_is_refused_naming_the_setting(string name)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => IdentityFields.Declared([IdentityHeaders.UserId, name], Setting));

        Assert.Contains(Setting, failure.Message);
        Assert.Contains($"'{name}'", failure.Message);
    }

    [Fact]
    public void A_list_without_the_user_id_is_refused_naming_the_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => IdentityFields.Declared([IdentityHeaders.TenantId, IdentityHeaders.Systems], Setting));

        Assert.Contains($"{Setting} must list user-id", failure.Message);
    }
}
