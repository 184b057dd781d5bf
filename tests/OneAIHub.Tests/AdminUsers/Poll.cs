namespace OneAIHub.Tests.AdminUsers;

/// <summary>Waits for something the hub does in the background (flushes, reminders, cache refreshes).</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeoutSeconds} s for {what}.");
            await Task.Delay(100);
        }
    }
}
