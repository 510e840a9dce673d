namespace Chatbot.Tests.Memory.Support;

/// <summary>Polls a condition until it holds or a generous deadline passes; no test asserts a duration.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (!deadline.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100, CancellationToken.None);
        }
        return await condition();
    }
}
