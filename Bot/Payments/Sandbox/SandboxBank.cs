using System.Globalization;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Records;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>
/// The sandbox's side of VNPay: checks a payment URL as VNPay would, records the transaction (unfinished
/// while the person is on the bank page, then with their choice), and signs the result parameters sent to
/// the return URL and the IPN.
/// </summary>
public sealed class SandboxBank(IRecordTables tables, VnPayMerchant merchant, TimeProvider clock)
{
    public const string BadSignature = "Sai chữ ký (invalid signature).";
    public const string Expired = "Giao dịch đã quá thời gian chờ thanh toán.";

    private const string Collection = "sandbox_transactions";
    private readonly IRecordTable<SandboxTransaction> _transactions = tables.Table<SandboxTransaction>(Collection, t => t.Id);
    private readonly Lock _gate = new();

    public VnPayMerchant Merchant => merchant;

    /// <summary>What is wrong with a payment request, in the words VNPay's page uses, or null if it is valid.</summary>
    public string? Check(IReadOnlyDictionary<string, string> fields)
    {
        if (!VnPaySignature.Verify(fields, merchant.HashSecret)) return BadSignature;
        if (Field(fields, "vnp_Version") != VnPayMessages.Version || Field(fields, "vnp_Command") != "pay") return "Phiên bản hoặc lệnh không hợp lệ.";
        if (Field(fields, "vnp_TmnCode") != merchant.TmnCode) return "Website này chưa được phê duyệt (sai mã website).";
        if (!long.TryParse(Field(fields, "vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount % 100 != 0)
            return "Số tiền không hợp lệ.";
        if (Field(fields, "vnp_CurrCode") != "VND") return "Loại tiền tệ không hợp lệ.";
        if (Field(fields, "vnp_TxnRef").Length == 0 || Field(fields, "vnp_ReturnUrl").Length == 0) return "Thiếu thông tin giao dịch.";
        if (VnPayTime.Parse(Field(fields, "vnp_CreateDate")) is null) return "Thời gian tạo giao dịch không hợp lệ.";
        if (VnPayTime.Parse(Field(fields, "vnp_ExpireDate")) is not { } expires) return "Thời gian hết hạn không hợp lệ.";
        if (expires <= clock.GetUtcNow()) return Expired;
        return null;
    }

    public SandboxTransaction? Find(string txnRef) => _transactions.Get(txnRef);

    /// <summary>The person reached the bank page: from now on the status API knows the reference, as unfinished.</summary>
    public SandboxTransaction Arrive(IReadOnlyDictionary<string, string> fields)
    {
        lock (_gate)
        {
            var txnRef = Field(fields, "vnp_TxnRef");
            if (Find(txnRef) is { } known) return known;
            var transaction = new SandboxTransaction
            {
                Id = txnRef,
                TransactionNo = _transactions.Count() + 14_000_001L,
                Amount = Field(fields, "vnp_Amount"),
                OrderInfo = Field(fields, "vnp_OrderInfo"),
                BankCode = Field(fields, "vnp_BankCode") is { Length: > 0 } bank ? bank : "NCB",
                CardType = Field(fields, "vnp_BankCode") == "VNPAYQR" ? "QRCODE" : "ATM",
                ResponseCode = "",
                TransactionStatus = "01",
                CreateDate = Field(fields, "vnp_CreateDate"),
                ReturnUrl = Field(fields, "vnp_ReturnUrl"),
            };
            return _transactions.Add(transaction);
        }
    }

    /// <summary>Records the person's choice. A reference already finished keeps its first result.</summary>
    public SandboxTransaction Complete(IReadOnlyDictionary<string, string> fields, SandboxChoice choice, SandboxIpnTarget ipn)
    {
        lock (_gate)
        {
            var transaction = Arrive(fields);
            if (!transaction.Unfinished) return transaction;

            (transaction.ResponseCode, transaction.TransactionStatus) = choice switch
            {
                SandboxChoice.Pay => ("00", "00"),
                SandboxChoice.Decline => ("51", "02"),
                SandboxChoice.WrongOtp => ("13", "02"),
                SandboxChoice.CardLocked => ("12", "02"),
                SandboxChoice.Reversed => ("00", "04"),
                _ => ("24", "02"),
            };
            var debited = choice is SandboxChoice.Pay or SandboxChoice.Reversed;
            transaction.BankTranNo = debited ? $"VNP{transaction.TransactionNo:00000000}" : "";
            transaction.PayDate = clock.GetUtcNow();
            transaction.IpnSuppressed = ipn.Mode == SandboxIpnMode.Never;
            transaction.NextIpnAt = ipn.Mode == SandboxIpnMode.Late ? clock.GetUtcNow() + ipn.Delay : clock.GetUtcNow();
            Save(transaction);
            return transaction;
        }
    }

    /// <summary>The result fields VNPay sends to the return URL and the IPN URL alike.</summary>
    public Dictionary<string, string> ResultFields(SandboxTransaction transaction) => new()
    {
        ["vnp_TmnCode"] = merchant.TmnCode,
        ["vnp_Amount"] = transaction.Amount,
        ["vnp_BankCode"] = transaction.BankCode,
        ["vnp_BankTranNo"] = transaction.BankTranNo,
        ["vnp_CardType"] = transaction.CardType,
        ["vnp_PayDate"] = transaction.Unfinished ? "" : VnPayTime.ToText(transaction.PayDate),
        ["vnp_OrderInfo"] = transaction.OrderInfo,
        ["vnp_TransactionNo"] = transaction.TransactionNo.ToString(CultureInfo.InvariantCulture),
        ["vnp_ResponseCode"] = transaction.ResponseCode,
        ["vnp_TransactionStatus"] = transaction.Refunded > 0 ? "06" : transaction.TransactionStatus,
        ["vnp_TxnRef"] = transaction.Id,
    };

    public string ResultQuery(SandboxTransaction transaction) => VnPaySignature.SignedQuery(ResultFields(transaction), merchant.HashSecret);

    /// <summary>Finished transactions whose IPN is still unacknowledged and due.</summary>
    public IReadOnlyList<SandboxTransaction> IpnsDue(int maxAttempts)
    {
        var now = clock.GetUtcNow();
        return _transactions.Where(t => !t.IpnAcknowledged && !t.IpnSuppressed && t.TransactionStatus != "01" && t.IpnAttempts < maxAttempts && t.NextIpnAt <= now);
    }

    public void Save(SandboxTransaction transaction) => _transactions.Put(transaction);

    private static string Field(IReadOnlyDictionary<string, string> fields, string name) => fields.GetValueOrDefault(name, "");
}
