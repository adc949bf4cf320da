using ChatPay.Domain.Staff;

namespace ChatPay.Domain.Storage;

public interface IEnrollments
{
    IReadOnlyList<Enrollment> OfChat(string chatKey);
    IReadOnlyList<Enrollment> All();
    /// <summary>Officers of an agency, or support chats (whose agency code is empty).</summary>
    IReadOnlyList<Enrollment> Find(StaffRole role, string agencyCode);
    void Save(Enrollment enrollment);
    void Delete(string id);
    void Audit(EnrollmentAttempt attempt);
    IReadOnlyList<EnrollmentAttempt> AuditOf(string chatKey, DateTimeOffset since);
}
