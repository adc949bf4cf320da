using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

internal sealed class SqlInbox(SqlSession session) : IInbox
{
    public bool FirstTime(string eventKey, DateTimeOffset at)
    {
        using var command = session.Command("INSERT INTO inbox (id, at) VALUES (@id, @at) ON CONFLICT (id) DO NOTHING");
        command.Add("id", eventKey);
        command.Add("at", at.UtcDateTime);
        return command.ExecuteNonQuery() == 1;
    }

    public bool Recorded(string eventKey)
    {
        using var command = session.Command("SELECT 1 FROM inbox WHERE id = @id");
        command.Add("id", eventKey);
        return command.ExecuteScalar() is not null;
    }
}
