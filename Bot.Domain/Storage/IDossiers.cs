using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Storage;

public interface IDossiers
{
    Dossier? Find(string code);
    void Save(Dossier dossier);
    int Count();
    /// <summary>Paid dossiers still unclaimed whose officers are due a reminder by <paramref name="now"/>.</summary>
    IReadOnlyList<Dossier> DueForReminder(DateTimeOffset now, int limit);
    /// <summary>Requests whose citizen notice or reminder is due by <paramref name="now"/>.</summary>
    IReadOnlyList<Dossier> DueForNotice(DateTimeOffset now, int limit);
    /// <summary>Unpaid requests whose applicant phone has this keyed hash.</summary>
    IReadOnlyList<Dossier> AwaitingWithPhoneHash(string phoneHash);
}
