namespace ChatPay.Tests.Support;

/// <summary>Waits for a condition that background work makes true, checking it often, failing after a generous limit.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Yield();
            await Task.Delay(20);
        }
    }
}
