using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sql;
using LiteDB;

namespace ChatPay.Tests.Security;

/// <summary>Text nobody should send a payment bot, and a way to see that receiving it changed nothing that matters.</summary>
public static class BadInput
{
    /// <summary>What a person (or a script) might type: each item is sent as one message.</summary>
    public static readonly IReadOnlyList<string> Texts =
    [
        "",
        "   \t  ",
        "\u0000\u0001\u0007\u001b[31m",
        "H42.10-261125\u0000-0001",
        new string('A', 100 * 1024),
        string.Concat(Enumerable.Repeat("H42.10-261125-0001 ", 5_000)),
        "\u202Eَ1000-521162-01.24H",
        "مرحبا بكم 😀👍🏽💸🇻🇳",
        "Z\u0351\u0361a\u0352\u0336l\u0360g\u0315o\u0489",
        "Н42.10-261125-0001",
        "H４２.１０-２６１１２５-０００１",
        "H٤٢.١٠-٢٦١١٢٥-٠٠٠١",
        "H42.10–261125–0001",
        "H42.10\u200B-261125-0001",
        "' OR 1=1 --",
        "'; DROP TABLE dossiers; --",
        "$.Code = 'x' OR 1 = 1",
        "<script>alert(1)</script>",
        "<b>bold</b> & <a href=\"javascript:alert(1)\">x</a>",
        "{{7*7}} ${jndi:ldap://x/a} %s%s%s%n",
        "../../../../etc/passwd",
        "line\r\nSet-Cookie: admin=1",
        "\uD800\uDFFF\uDBFF",
        "/start <script>",
        "/bienlai ' OR 1=1 --",
        "/baoloi H42.10-261125-9999'; --",
        "/dangky ' OR ''='",
        "/tracuu H42.10-261125-0001",
        "/" + new string('x', 5000),
    ];

    /// <summary>Forged or mangled button payloads.</summary>
    public static readonly IReadOnlyList<string> Payloads =
    [
        "",
        "x",
        "cp1|99999|confirm",
        "cp1|-1|bank:VCB",
        "cp1|0|bank:../../",
        new string('9', 64),
        "null",
        "<script>",
        "staff|claim|H42.10-261125-0001",
    ];

    /// <summary>Everything about money and people: the records no bad input may change, as stored (LiteDB's collections or SQL tables).</summary>
    public static string Records(IHostStore store) => store switch
    {
        LiteDbStore lite => string.Join("\n", new[] { LiteDossiers.Collection, LitePayments.Collection, LiteReceipts.Collection, LiteSupportCases.Collection, LiteEnrollments.Collection }
            .Select(name => $"{name}: {string.Join(",", lite.Collection<BsonDocument>(name).FindAll().OrderBy(d => d["_id"].ToString()).Select(d => JsonSerializer.Serialize(d)))}")),
        ISqlStore sql => string.Join("\n", new[] { "dossiers", "payments", "receipts", "support_cases", "enrollments" }.Select(table => $"{table}: {sql.Query(session =>
        {
            using var command = session.Command($"SELECT id, doc FROM {table} ORDER BY id");
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add($"{reader.GetString(0)}={reader.GetString(1)}");
            return string.Join(",", rows);
        })}")),
        _ => throw new ArgumentException($"No way to list the records of {store.GetType().Name}."),
    };

    /// <summary>A reply a citizen may see: Vietnamese, and nothing from inside the program.</summary>
    public static void AssertPoliteVietnamese(string reply)
    {
        Assert.False(string.IsNullOrWhiteSpace(reply), "an empty reply");
        Assert.Matches("[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịóòỏõọúùủũụéèẻẽẹýỳỷỹỵ]", reply.ToLowerInvariant());
        foreach (var leak in new[] { "Exception", "   at ", "System.", "LiteDB", "ChatPay.", "NullReference", "stack" })
            Assert.DoesNotContain(leak, reply, StringComparison.Ordinal);
    }
}
