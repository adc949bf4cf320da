using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteEnrollments(LiteDatabase db) : IEnrollments
{
    public const string Collection = "enrollments";
    public const string AuditCollection = "enrollment_audit";
    private readonly ILiteCollection<Enrollment> _enrollments = db.GetCollection<Enrollment>(Collection);
    private readonly ILiteCollection<EnrollmentAttempt> _audit = db.GetCollection<EnrollmentAttempt>(AuditCollection);

    public IReadOnlyList<Enrollment> OfChat(string chatKey) => _enrollments.Where(nameof(Enrollment.ChatKey), chatKey).ToList();

    public IReadOnlyList<Enrollment> All() => _enrollments.FindAll().ToList();

    public IReadOnlyList<Enrollment> Find(StaffRole role, string agencyCode) =>
        _enrollments.Where(nameof(Enrollment.AgencyCode), agencyCode).Where(e => e.Role == role).ToList();

    public void Save(Enrollment enrollment) => _enrollments.Upsert(enrollment);

    public void Delete(string id) => _enrollments.Delete(id);

    public void Audit(EnrollmentAttempt attempt) => _audit.Insert(attempt);

    public IReadOnlyList<EnrollmentAttempt> AuditOf(string chatKey, DateTimeOffset since) =>
        _audit.Where(nameof(EnrollmentAttempt.ChatKey), chatKey).Where(a => a.At >= since).ToList();
}
