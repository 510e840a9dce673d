using System.Net;
using Chatbot.ApiService.Settings;
using StackExchange.Redis;

namespace Chatbot.Tests.Configuration;

/// <summary>The seed's REDIS_URL becomes a connection string StackExchange.Redis reads the same server, user and database from.</summary>
public sealed class RedisUrlTests
{
    [Fact]
    public void A_plain_url_names_the_host_and_port()
    {
        var options = ConfigurationOptions.Parse(RedisUrl.ToConnectionString("redis://cache.internal:6380"));

        Assert.Equal(new DnsEndPoint("cache.internal", 6380), Assert.Single(options.EndPoints));
        Assert.False(options.Ssl);
        Assert.Null(options.DefaultDatabase);
    }

    [Fact]
    public void Tls_credentials_and_database_carry_over_with_the_default_port()
    {
        var options = ConfigurationOptions.Parse(RedisUrl.ToConnectionString("rediss://chatbot:p%40ss@cache.internal/3"));

        Assert.Equal(new DnsEndPoint("cache.internal", 6379), Assert.Single(options.EndPoints));
        Assert.True(options.Ssl);
        Assert.Equal(("chatbot", "p@ss", 3), (options.User, options.Password, options.DefaultDatabase));
    }

    [Fact]
    public void A_password_without_a_user_is_the_password()
    {
        var options = ConfigurationOptions.Parse(RedisUrl.ToConnectionString("redis://:secret@localhost"));

        Assert.Equal((null, "secret"), (options.User, options.Password));
    }

    [Fact]
    public void A_connection_string_is_left_as_it_is()
    {
        Assert.Equal("localhost:6379,password=x", RedisUrl.ToConnectionString("localhost:6379,password=x"));
    }
}
