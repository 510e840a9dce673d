using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

/// <summary>Each kind of bad input gets a clear 4xx ProblemDetails naming the field, and nothing is stored.</summary>
public sealed class BadInputTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory;

    public BadInputTests(ApiFactory factory) => _factory = factory;

    public static TheoryData<string, string, HttpStatusCode, string> Cases => new()
    {
        { "missing question", """{"conversation_id":"bad-1"}""", HttpStatusCode.BadRequest, "question" },
        { "empty question", """{"question":"   ","conversation_id":"bad-2"}""", HttpStatusCode.BadRequest, "question" },
        { "question too long", $$"""{"question":"{{new string('a', 8_001)}}","conversation_id":"bad-3"}""", HttpStatusCode.BadRequest, "question" },
        { "conversation id too long", $$"""{"question":"hi","conversation_id":"{{new string('c', 129)}}"}""", HttpStatusCode.BadRequest, "conversation_id" },
        { "conversation id with a slash", """{"question":"hi","conversation_id":"../etc/passwd"}""", HttpStatusCode.BadRequest, "conversation_id" },
        { "conversation id with a space", """{"question":"hi","conversation_id":"a b"}""", HttpStatusCode.BadRequest, "conversation_id" },
        { "empty conversation id", """{"question":"hi","conversation_id":""}""", HttpStatusCode.BadRequest, "conversation_id" },
        { "malformed JSON", """{"question":"hi", """, HttpStatusCode.BadRequest, "body" },
        { "question of the wrong type", """{"question":42,"conversation_id":"bad-4"}""", HttpStatusCode.BadRequest, "question" },
        { "not an object", """["question"]""", HttpStatusCode.BadRequest, "body" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_body_gets_a_problem_naming_the_field(string name, string body, HttpStatusCode status, string field)
    {
        using var http = _factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await http.PostAsync(ChatbotRoutes.AskStream, content);

        Assert.True(status == response.StatusCode, name);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var namesField = problem.TryGetProperty("errors", out var errors)
            ? errors.TryGetProperty(field, out _)
            : problem.GetProperty("field").GetString() == field;
        Assert.True(namesField, $"{name}: {problem}");
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var http = _factory.CreateClient();

        var response = await http.PostAsync(ChatbotRoutes.AskStream, new StringContent("question=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_over_64_KB_is_413()
    {
        using var http = _factory.CreateClient();
        var body = JsonSerializer.Serialize(new { question = "hi", padding = new string('x', 70_000) });

        var response = await http.PostAsync(ChatbotRoutes.AskStream, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_stores_nothing()
    {
        using var http = _factory.CreateClient();
        var store = _factory.Services.GetRequiredService<IConversationStore>();

        await http.PostAsync(ChatbotRoutes.AskStream, new StringContent($$"""{"question":"{{new string('a', 8_001)}}","conversation_id":"bad-store"}""", Encoding.UTF8, "application/json"));

        var owner = new AltecoContext().Owner;
        Assert.Empty(await store.GetTurnsAsync(new ConversationKey(owner, "bad-store"), CancellationToken.None));
    }

    [Fact]
    public async Task Prewarm_rejects_a_malformed_conversation_id()
    {
        using var http = _factory.CreateClient();

        var response = await http.GetAsync($"{ChatbotRoutes.Prewarm}?conversation_id=a%20b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
