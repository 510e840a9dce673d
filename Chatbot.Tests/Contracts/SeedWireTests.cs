using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Contracts;

/// <summary>
/// Pins the wire names of <c>Chatbot.Contracts</c> to the seed's spellings, which its clients and
/// gateways send and read. This is the only place the names are written out; every other test and
/// benchmark uses the constants, so a renamed constant fails here and nowhere else.
/// </summary>
public class SeedWireTests
{
    [Theory]
    [InlineData("x-stream", StreamHeaders.Stream)]
    [InlineData("x-stream-level", StreamHeaders.Level)]
    [InlineData("x-stream-events", StreamHeaders.Events)]
    [InlineData("x-stream-resumable", StreamHeaders.Resumable)]
    [InlineData("X-Run-Id", StreamHeaders.RunId)]
    [InlineData("X-Conversation-Id", StreamHeaders.ConversationId)]
    [InlineData("X-Stream-Resumable", StreamHeaders.ResumableRun)]
    [InlineData("Last-Event-ID", StreamHeaders.LastEventId)]
    [InlineData("after", StreamHeaders.AfterQuery)]
    [InlineData("text/event-stream", StreamHeaders.ContentType)]
    public void Stream_headers_keep_the_seed_spelling(string seed, string constant) => Assert.Equal(seed, constant);

    [Theory]
    [InlineData("start", StreamEventTypes.Start)]
    [InlineData("token", StreamEventTypes.Token)]
    [InlineData("thinking", StreamEventTypes.Thinking)]
    [InlineData("agent_start", StreamEventTypes.AgentStart)]
    [InlineData("tool_start", StreamEventTypes.ToolStart)]
    [InlineData("tool_end", StreamEventTypes.ToolEnd)]
    [InlineData("complete", StreamEventTypes.Complete)]
    [InlineData("error", StreamEventTypes.Error)]
    public void Event_types_keep_the_seed_spelling(string seed, string constant) => Assert.Equal(seed, constant);

    [Theory]
    [InlineData("type", StreamEventFields.Type)]
    [InlineData("seq", StreamEventFields.Sequence)]
    [InlineData("conversation_id", StreamEventFields.ConversationId)]
    [InlineData("run_id", StreamEventFields.RunId)]
    [InlineData("question", StreamEventFields.Question)]
    [InlineData("content", StreamEventFields.Content)]
    [InlineData("message", StreamEventFields.Message)]
    [InlineData("agent", StreamEventFields.Agent)]
    [InlineData("tool", StreamEventFields.Tool)]
    [InlineData("input", StreamEventFields.Input)]
    [InlineData("result", StreamEventFields.Result)]
    [InlineData("code", StreamEventFields.Code)]
    [InlineData("correlation_id", StreamEventFields.CorrelationId)]
    [InlineData("usage", StreamEventFields.Usage)]
    [InlineData("input_tokens", StreamEventFields.InputTokens)]
    [InlineData("output_tokens", StreamEventFields.OutputTokens)]
    [InlineData("ttft_ms", StreamEventFields.TimeToFirstTokenMs)]
    [InlineData("duration_ms", StreamEventFields.DurationMs)]
    public void Event_fields_keep_the_seed_spelling(string seed, string constant) => Assert.Equal(seed, constant);

    [Theory]
    [InlineData("cancelled", StreamErrorCodes.Cancelled)]
    [InlineData("interrupted", StreamErrorCodes.Interrupted)]
    [InlineData("agent_failed", StreamErrorCodes.AgentFailed)]
    [InlineData("server_restarting", StreamErrorCodes.ServerRestarting)]
    [InlineData("budget_exceeded:", StreamErrorCodes.BudgetExceededPrefix)]
    [InlineData("tool_calls", StreamErrorCodes.BudgetLimits.ToolCalls)]
    [InlineData("output_tokens", StreamErrorCodes.BudgetLimits.OutputTokens)]
    [InlineData("run_time", StreamErrorCodes.BudgetLimits.RunTime)]
    public void Error_codes_keep_the_seed_spelling(string seed, string constant) => Assert.Equal(seed, constant);

    /// <summary>Texts the seed's clients show as they are (seed guide, stream_service.py).</summary>
    [Theory]
    [InlineData("Agent is processing...", StreamEvent.ThinkingMessage)]
    [InlineData("I apologize, but I couldn't generate a response.", ChatTurnRunner.EmptyAnswerMessage)]
    public void Messages_keep_the_seed_text(string seed, string constant) => Assert.Equal(seed, constant);

    [Theory]
    [InlineData("alteco-site-id", IdentityHeaders.SiteId)]
    [InlineData("alteco-user-id", IdentityHeaders.UserId)]
    [InlineData("alteco-user-name", IdentityHeaders.UserName)]
    [InlineData("alteco-user-email", IdentityHeaders.UserEmail)]
    [InlineData("alteco-user-tenant-id", IdentityHeaders.TenantId)]
    [InlineData("alteco-user-tenant-ids", IdentityHeaders.TenantIds)]
    [InlineData("alteco-user-customer-id", IdentityHeaders.CustomerId)]
    [InlineData("alteco-user-role", IdentityHeaders.Role)]
    [InlineData("alteco-log-id", IdentityHeaders.LogId)]
    [InlineData("alteco-user-systems", IdentityHeaders.Systems)]
    [InlineData("alteco-user-groups", IdentityHeaders.Groups)]
    [InlineData("alteco-user-charge-points", IdentityHeaders.ChargePoints)]
    [InlineData("alteco-user-storage", IdentityHeaders.Storage)]
    [InlineData("alteco-access-token", IdentityHeaders.AccessToken)]
    [InlineData("alteco-groups", IdentityHeaders.LegacyGroups)]
    [InlineData("alteco-charge-points", IdentityHeaders.LegacyChargePoints)]
    [InlineData("alteco-storage", IdentityHeaders.LegacyStorage)]
    public void Identity_headers_keep_the_seed_spelling(string seed, string field) => Assert.Equal(seed, IdentityHeaders.Name(field));

    [Fact]
    public void Identity_fields_are_read_under_the_seed_four_spellings() =>
        Assert.Equal(["alteco-user-tenant-id", "alteco_user_tenant_id", "x-alteco-user-tenant-id", "x-alteco_user_tenant_id"], IdentityHeaders.Spellings(IdentityHeaders.TenantId));

    [Fact]
    public void Gateway_secret_keeps_the_seed_spelling() => Assert.Equal("x-gateway-secret", IdentityHeaders.GatewaySecret);
}
