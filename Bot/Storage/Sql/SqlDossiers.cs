using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlDossiers(SqlSession session) : IDossiers
{
    private readonly SqlTable<Dossier> _table = session.Table<Dossier>("dossiers", d => d.Code,
        ("next_reminder_at", d => d.NextReminderAt), ("next_notice_at", d => d.NextNoticeAt), ("phone_hash", d => d.ApplicantPhoneHash),
        ("awaiting", d => d.Status == DossierStatus.AwaitingPayment), ("paid_at", d => d.PaidAt));

    public Dossier? Find(string code) => _table.Get(code);

    public void Save(Dossier dossier) => _table.Upsert(dossier);

    public int Count()
    {
        using var command = session.Command("SELECT count(*) FROM dossiers");
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public IReadOnlyList<Dossier> DueForReminder(DateTimeOffset now, int limit) => _table.Due("next_reminder_at", now, limit);

    public IReadOnlyList<Dossier> DueForNotice(DateTimeOffset now, int limit) => _table.Due("next_notice_at", now, limit);

    public IReadOnlyList<Dossier> AwaitingWithPhoneHash(string phoneHash) => _table.Where("phone_hash = @p0 AND awaiting", "ORDER BY id", phoneHash);
}
