using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteEnrollments(LiteDatabase db) : IEnrollments
{
    public const string Collection = "enrollments";
    private readonly ILiteCollection<Enrollment> _enrollments = db.GetCollection<Enrollment>(Collection);

    public IReadOnlyList<Enrollment> OfChat(string chatKey) => _enrollments.Find(e => e.ChatKey == chatKey).ToList();

    public IReadOnlyList<Enrollment> Find(StaffRole role, string agencyCode) =>
        _enrollments.Find(e => e.AgencyCode == agencyCode && e.Role == role).ToList();

    public void Save(Enrollment enrollment) => _enrollments.Upsert(enrollment);

    public void Delete(string id) => _enrollments.Delete(id);
}
