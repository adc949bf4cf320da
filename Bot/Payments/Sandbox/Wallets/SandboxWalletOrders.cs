using ChatPay.Bot.Storage;
using ChatPay.Domain.Security;
using ChatPay.Bot.Storage.Records;

namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>The wallet sandboxes' orders, kept in the database so a restart loses none, and callbacks are retried after it.</summary>
public sealed class SandboxWalletOrders(IRecordTables tables, TimeProvider clock)
{
    private const string Collection = "sandbox_wallet_orders";
    private readonly IRecordTable<SandboxWalletOrder> _orders = tables.Table<SandboxWalletOrder>(Collection, o => o.Id);
    private readonly Lock _gate = new();

    public static string IdOf(string wallet, string orderId) => $"{wallet}:{orderId}";

    public SandboxWalletOrder? Find(string wallet, string orderId) => _orders.Get(IdOf(wallet, orderId));

    public SandboxWalletOrder? ByToken(string wallet, string token) => _orders.Where(o => o.Wallet == wallet && o.Token == token).FirstOrDefault();

    /// <summary>The order a refund with this reference was made of, if any.</summary>
    public SandboxWalletOrder? WithRefund(string wallet, string refundId) => _orders.Where(o => o.Wallet == wallet && o.Paid).FirstOrDefault(o => o.Refunds.ContainsKey(refundId));

    /// <summary>The paid order with this transaction number at the wallet.</summary>
    public SandboxWalletOrder? ByTransactionNo(string wallet, long transactionNo) => _orders.Where(o => o.Wallet == wallet && o.Paid && o.TransactionNo == transactionNo).FirstOrDefault();

    /// <summary>Adds the order unless one with its reference exists; returns the one kept and whether it is the new one.</summary>
    public (SandboxWalletOrder Order, bool Added) Add(SandboxWalletOrder order)
    {
        lock (_gate)
        {
            if (Find(order.Wallet, order.OrderId) is { } known) return (known, false);
            order.Id = IdOf(order.Wallet, order.OrderId);
            order.Token = Secrets.NewToken();
            order.Number = _orders.Count(o => o.Wallet == order.Wallet) + 1;
            var kept = _orders.Add(order);
            return (kept, kept == order);
        }
    }

    /// <summary>Records the person's answer. An order already finished (or expired) keeps what it had.</summary>
    public SandboxWalletOrder Finish(SandboxWalletOrder order, string code, bool paid, DateTimeOffset? firstCallAt)
    {
        lock (_gate)
        {
            var current = Find(order.Wallet, order.OrderId) ?? order;
            if (current.Finished) return current;
            current.ResultCode = code;
            current.Paid = paid;
            // Numbered like the wallets' own (MoMo's transId, ZaloPay's zp_trans_id): distinct per order, stable once given.
            current.TransactionNo = paid ? 4_088_000_000 + current.Number : 0;
            current.FinishedAt = clock.GetUtcNow();
            current.NextCallbackAt = firstCallAt;
            Save(current);
            return current;
        }
    }

    /// <summary>Finished orders whose callback is still unacknowledged and due.</summary>
    public IReadOnlyList<SandboxWalletOrder> CallbacksDue(int maxAttempts)
    {
        var now = clock.GetUtcNow();
        return _orders.Where(o => o.ResultCode != "" && !o.CallbackAcknowledged && o.CallbackAttempts < maxAttempts && o.NextCallbackAt <= now);
    }

    public void Save(SandboxWalletOrder order) => _orders.Put(order);
}
