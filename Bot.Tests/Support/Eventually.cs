namespace ChatPay.Tests.Support;

/// <summary>Waits for a condition that background work makes true, checking it often, failing after a generous limit.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, TimeSpan? within = null) => HoldsAsync(() => Task.FromResult(condition()), within);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
