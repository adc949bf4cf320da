using System.Reflection;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Records;
using ChatPay.Bot.Storage.Sql;
using LiteDB;
using LiteJson = LiteDB.JsonSerializer;

namespace ChatPay.Tests.Storage;

/// <summary>
/// The SQL stores write records with System.Text.Json, LiteDB's mapper wrote them before (and still does for LiteDB): the
/// documents must be the same, field by field, for every type stored, and each must read what the other wrote.
/// </summary>
[Trait("Tier", "Unit")]
public class DocumentJsonTests
{
    private readonly DocumentJson _json = new();
    private readonly BsonMapper _liteDb = ChatPayMapper.Create();

    /// <summary>The domain's records, the chat log, and every host record kept in a record table.</summary>
    public static TheoryData<string> StoredTypes()
    {
        var tables = typeof(DocumentJson).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(IRecordTable<>))
            .Select(f => f.FieldType.GetGenericArguments()[0]);
        return [.. RecordShapes.Records.Concat(tables).Distinct().Select(t => t.AssemblyQualifiedName!)];
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void A_record_is_written_as_LiteDBs_mapper_writes_it(string typeName)
    {
        var (type, record) = Filled(typeName);

        Assert.Equal(Sorted(LiteDbDocument(type, record)), Sorted(LiteJson.Deserialize(_json.Serialize(record))));
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void A_record_written_by_LiteDBs_mapper_reads_back_whole(string typeName)
    {
        var (type, record) = Filled(typeName);
        var written = LiteDbDocument(type, record);

        var read = Deserialize(type, LiteJson.Serialize(written));

        Assert.Equal(Sorted(written), Sorted(LiteDbDocument(type, read)));
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void A_record_reads_back_whole_from_what_it_wrote(string typeName)
    {
        var (type, record) = Filled(typeName);

        var read = Deserialize(type, _json.Serialize(record));

        Assert.Equal(Sorted(LiteDbDocument(type, record)), Sorted(LiteDbDocument(type, read)));
    }

    [Fact]
    public void The_first_and_the_last_instant_are_written_and_read_as_LiteDB_does()
    {
        // A token never refreshed is stored as DateTimeOffset.MinValue (Zalo's); a deadline may be as far as it goes.
        var record = new ChatPay.Domain.Conversations.ConversationSnapshot("Telegram:1", default, 0, null, 0, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(Sorted(LiteDbDocument(record.GetType(), record)), Sorted(LiteJson.Deserialize(_json.Serialize(record))));
        Assert.Equal(record, _json.Deserialize<ChatPay.Domain.Conversations.ConversationSnapshot>(_json.Serialize(record)));
    }

    private static (Type Type, object Record) Filled(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        return (type, new FilledRecords().Of(type));
    }

    private BsonValue LiteDbDocument(Type type, object record)
    {
        ChatPayMapper.MapEveryPart(_liteDb, [type]);
        return _liteDb.Serialize(type, record);
    }

    private object Deserialize(Type type, string json)
    {
        return typeof(DocumentJson).GetMethod(nameof(DocumentJson.Deserialize))!.MakeGenericMethod(type).Invoke(_json, [json])!;
    }

    /// <summary>The document as JSON with its fields in order of name, so that two documents compare field by field.</summary>
    private static string Sorted(BsonValue value) => LiteJson.Serialize(Sort(value));

    private static BsonValue Sort(BsonValue value) => value switch
    {
        BsonDocument document => new BsonDocument(document.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => Sort(f.Value))),
        BsonArray array => new BsonArray(array.Select(Sort)),
        _ => value,
    };
}
