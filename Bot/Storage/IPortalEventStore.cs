namespace ChatPay.Bot.Storage;

/// <summary>The portal's events as its webhook delivers them: those due, and each attempt's outcome.</summary>
public interface IPortalEventStore
{
    /// <summary>Events due by <paramref name="now"/> (inclusive), earliest first.</summary>
    IReadOnlyList<PortalEvent> Due(DateTimeOffset now, int limit);

    void Save(PortalEvent portalEvent);
}
