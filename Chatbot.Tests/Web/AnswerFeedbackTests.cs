using System.Net;
using System.Text.Json;
using Bunit;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Web.Support;
using Chatbot.Web.Api;
using Chatbot.Web.Chat;
using Chatbot.Web.Components.Pages.Chat;
using Chatbot.Web.Markdown;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Web;

/// <summary>Thumbs up or down on an answer against a scripted API: what is sent, what is shown pressed, what is announced, and a failure kept for retry.</summary>
public sealed class AnswerFeedbackTests : BunitContext
{
    private const string ConversationId = "conv-1";
    private const string RunId = "0123456789abcdef0123456789abcdef";

    private readonly ScriptedApi _api = new();

    public AnswerFeedbackTests()
    {
        Services.AddSingleton(new ChatbotApiClient(_api.CreateClient()));
        Services.AddSingleton<MarkdownRenderer>();
    }

    [Fact]
    public void A_vote_is_sent_for_the_answer_shown_pressed_and_thanked_for_politely()
    {
        var message = Answer();
        var feedback = Render<AnswerFeedback>(parameters => parameters.Add(p => p.Message, message));

        feedback.Find("button[aria-label='Good answer']").Click();

        var sent = Assert.Single(_api.Sent);
        Assert.Equal((HttpMethod.Put, ChatbotRoutes.AnswerFeedback(ConversationId, RunId)), (sent.Method, sent.Path));
        Assert.Equal("up", JsonDocument.Parse(sent.Body!).RootElement.GetProperty("vote").GetString());
        Assert.Equal(("true", "false"), Pressed(feedback));
        Assert.Equal(new FeedbackResponse("up"), message.Feedback);
        Assert.Equal(AnswerFeedback.Thanks, feedback.Find(".feedback-status").TextContent);
        Assert.Equal("polite", feedback.Find(".feedback-status").GetAttribute("aria-live"));
        var textarea = feedback.Find("textarea");
        Assert.Contains("What made this answer good?", feedback.Find($"label[for='{textarea.Id}']").TextContent);
    }

    [Fact]
    public void The_other_vote_replaces_it_and_the_chosen_one_pressed_again_withdraws_it()
    {
        var message = Answer();
        var feedback = Render<AnswerFeedback>(parameters => parameters.Add(p => p.Message, message));

        feedback.Find("button[aria-label='Good answer']").Click();
        feedback.Find("button[aria-label='Bad answer']").Click();
        var afterChange = Pressed(feedback);
        feedback.Find("button[aria-label='Bad answer']").Click();

        Assert.Equal(("false", "true"), afterChange);
        Assert.Equal([HttpMethod.Put, HttpMethod.Put, HttpMethod.Delete], _api.Sent.Select(request => request.Method));
        Assert.Null(message.Feedback);
        Assert.Equal(("false", "false"), Pressed(feedback));
        Assert.Equal(AnswerFeedback.Removed, feedback.Find(".feedback-status").TextContent);
    }

    [Fact]
    public void A_comment_goes_with_the_vote_and_can_be_edited_later()
    {
        var message = Answer();
        var feedback = Render<AnswerFeedback>(parameters => parameters.Add(p => p.Message, message));
        feedback.Find("button[aria-label='Bad answer']").Click();

        feedback.Find("textarea").Change("  It named the wrong site.  ");
        feedback.Find("form").Submit();

        var body = JsonDocument.Parse(_api.Sent.Last().Body!).RootElement;
        Assert.Equal(("down", "It named the wrong site."), (body.GetProperty("vote").GetString(), body.GetProperty("comment").GetString()));
        Assert.Equal(AnswerFeedback.CommentThanks, feedback.Find(".feedback-status").TextContent);
        Assert.Empty(feedback.FindAll("textarea"));
        feedback.Find("button.comment-toggle").Click();
        Assert.Equal("It named the wrong site.", feedback.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public void A_vote_the_api_did_not_take_stays_shown_with_an_alert_and_is_sent_on_retry()
    {
        var message = Answer();
        _api.FeedbackStatus = HttpStatusCode.ServiceUnavailable;
        var feedback = Render<AnswerFeedback>(parameters => parameters.Add(p => p.Message, message));

        feedback.Find("button[aria-label='Bad answer']").Click();

        Assert.Contains(AnswerFeedback.NotSent, feedback.Find("[role=alert]").TextContent);
        Assert.Equal(("false", "true"), Pressed(feedback));
        Assert.Null(message.Feedback);
        _api.FeedbackStatus = HttpStatusCode.OK;
        feedback.Find("button.feedback-retry").Click();
        Assert.Empty(feedback.FindAll("[role=alert]"));
        Assert.Equal(new FeedbackResponse("down"), message.Feedback);
        Assert.Equal(AnswerFeedback.Thanks, feedback.Find(".feedback-status").TextContent);
    }

    [Fact]
    public void A_stored_vote_shows_pressed_with_its_comment_to_edit()
    {
        var message = Answer();
        message.Feedback = new FeedbackResponse("down", "Too long.");

        var feedback = Render<AnswerFeedback>(parameters => parameters.Add(p => p.Message, message));

        Assert.Equal(("false", "true"), Pressed(feedback));
        Assert.Equal("Edit comment", feedback.Find("button.comment-toggle").TextContent);
        Assert.Empty(_api.Sent);
    }

    [Fact]
    public void Only_a_finished_complete_answer_offers_feedback()
    {
        var streaming = Answer();
        streaming.IsStreaming = true;
        var incomplete = Answer();
        incomplete.Incomplete = true;
        var question = new ChatMessage(ChatRole.User, "What is OPEX?") { RunId = RunId, ConversationId = ConversationId };

        Assert.Empty(Item(streaming).FindAll(".answer-feedback"));
        Assert.Empty(Item(incomplete).FindAll(".answer-feedback"));
        Assert.Empty(Item(question).FindAll(".answer-feedback"));
        Assert.Single(Item(Answer()).FindAll(".answer-feedback"));
    }

    private static ChatMessage Answer() => new(ChatRole.Assistant, "OPEX is the cost of running it.") { RunId = RunId, ConversationId = ConversationId };

    private IRenderedComponent<ChatMessageItem> Item(ChatMessage message) => Render<ChatMessageItem>(parameters => parameters.Add(p => p.Message, message));

    private static (string? Up, string? Down) Pressed(IRenderedComponent<AnswerFeedback> feedback) =>
        (feedback.Find("button[aria-label='Good answer']").GetAttribute("aria-pressed"), feedback.Find("button[aria-label='Bad answer']").GetAttribute("aria-pressed"));
}
