using System.Text;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Tests.Support;
using LiteDB;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "Integration")]
public class EncryptionAtRestTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string Applicant = "Nguyễn Văn Encrypted";
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("chatpay.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_database_opened_with_a_password_holds_no_readable_personal_data()
    {
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal(), Password)) SaveDossier(store, "H42.10-261125-0001");

        Assert.False(FileContains(DatabasePath, Applicant));
        using var reopened = new LiteDbStore(DatabasePath, new ChatSignal(), Password);
        Assert.Equal(Applicant, reopened.Read(s => s.Dossiers.Find("H42.10-261125-0001"))!.ApplicantName);
    }

    [Fact]
    public void An_encrypted_database_refuses_a_missing_or_wrong_password_in_one_sentence()
    {
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal(), Password)) SaveDossier(store, "H42.10-261125-0001");

        var missing = Assert.Throws<StorageUnavailableException>(() => new LiteDbStore(DatabasePath, new ChatSignal()));
        var wrong = Assert.Throws<StorageUnavailableException>(() => new LiteDbStore(DatabasePath, new ChatSignal(), "not the password"));

        Assert.Contains("Set Storage:Password", missing.Message);
        Assert.Contains("Storage:Password does not open", wrong.Message);
        Assert.DoesNotContain(Password, wrong.Message);
    }

    [Fact]
    public void Setting_a_password_encrypts_an_existing_plain_database_keeping_its_data_and_indexes()
    {
        string[] indexes;
        using (var plain = new LiteDbStore(DatabasePath, new ChatSignal()))
        {
            SaveDossier(plain, "H42.10-261125-0001");
            SaveDossier(plain, "H42.10-261125-0002");
            Assert.False(plain.EncryptedOnOpen);
            indexes = Indexes(plain);
        }
        Assert.True(FileContains(DatabasePath, Applicant));

        using (var store = new LiteDbStore(DatabasePath, new ChatSignal(), Password))
        {
            Assert.True(store.EncryptedOnOpen);
            Assert.Equal(2, store.Read(s => s.Dossiers.Count()));
            Assert.Equal(indexes, Indexes(store));
        }

        Assert.False(FileContains(DatabasePath, Applicant));
        Assert.Equal(["chatpay.db", "chatpay.db.lock"], Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order());
        using var again = new LiteDbStore(DatabasePath, new ChatSignal(), Password);
        Assert.False(again.EncryptedOnOpen);
        Assert.Equal(Applicant, again.Read(s => s.Dossiers.Find("H42.10-261125-0002"))!.ApplicantName);
    }

    private static void SaveDossier(LiteDbStore store, string code) => store.Write(s =>
    {
        s.Dossiers.Save(new Dossier(code, "Cấp giấy phép xây dựng", "H42.10", "UBND huyện", Applicant, "0912345678", DateTimeOffset.UtcNow));
        return true;
    });

    private static string[] Indexes(LiteDbStore store) =>
        [.. store.Collection<BsonDocument>("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["expression"].AsString} unique={i["unique"].AsBoolean}").Order()];

    private static bool FileContains(string path, string text) =>
        File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
