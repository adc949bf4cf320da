using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlEnrollments(SqlSession session) : IEnrollments
{
    private readonly SqlTable<Enrollment> _table = session.Table<Enrollment>("enrollments", e => e.Id,
        ("chat_key", e => e.ChatKey), ("role", e => e.Role), ("agency_code", e => e.AgencyCode));

    private readonly SqlTable<EnrollmentAttempt> _audit = session.Table<EnrollmentAttempt>("enrollment_audit", a => a.Id, ("chat_key", a => a.ChatKey), ("at", a => a.At));

    public IReadOnlyList<Enrollment> OfChat(string chatKey) => _table.Where("chat_key = @p0", "ORDER BY id", chatKey);

    public IReadOnlyList<Enrollment> All() => _table.Where("true", "ORDER BY id");

    public IReadOnlyList<Enrollment> Find(StaffRole role, string agencyCode) => _table.Where("role = @p0 AND agency_code = @p1", "ORDER BY id", role, agencyCode);

    public void Save(Enrollment enrollment) => _table.Upsert(enrollment);

    public void Delete(string id) => _table.Delete(id);

    public void Audit(EnrollmentAttempt attempt) => _audit.Upsert(attempt);

    public IReadOnlyList<EnrollmentAttempt> AuditOf(string chatKey, DateTimeOffset since) => _audit.Where("chat_key = @p0 AND at >= @p1", "ORDER BY at", chatKey, since);
}
