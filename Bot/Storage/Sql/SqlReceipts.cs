using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlReceipts(SqlSession session) : IReceipts
{
    private readonly SqlTable<Receipt> _table = session.Table<Receipt>("receipts", r => r.Id,
        ("access_token", r => r.AccessToken), ("lookup_code", r => r.LookupCode), ("dossier_code", r => r.DossierCode));

    public Receipt? Find(string id) => _table.Get(id);

    public Receipt? FindByAccessToken(string token) => _table.Where("access_token = @p0", "", token).FirstOrDefault();

    public Receipt? FindByLookupCode(string lookupCode) => _table.Where("lookup_code = @p0", "", lookupCode).FirstOrDefault();

    /// <summary>
    /// The counter row is updated in the step's transaction: a concurrent step waits on its lock, and a step that rolls back
    /// gives its number back — gap-free across instances, which a sequence is not.
    /// </summary>
    public int TakeNextNumber(int year, bool trial = false)
    {
        using var command = session.Command(
            "INSERT INTO receipt_counters (id, last) VALUES (@id, 1) ON CONFLICT (id) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last");
        command.Add("id", trial ? $"trial-{year}" : year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void Add(Receipt receipt) => _table.Upsert(receipt);
}
