using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Records;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>A store under the contract: the domain's steps, and the host's ports the same database serves.</summary>
public sealed record StoreParts(IHostStore Store, IOutboxStore Outbox, IRecordTables Records, IRetention Retention, IPortalEventStore PortalEvents, IStoreStatistics Statistics);
