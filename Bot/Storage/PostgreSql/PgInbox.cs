using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.PostgreSql;

internal sealed class PgInbox(PgSession session) : IInbox
{
    public bool FirstTime(string eventKey, DateTimeOffset at)
    {
        using var command = session.Command("INSERT INTO inbox (id, at) VALUES (@id, @at) ON CONFLICT (id) DO NOTHING");
        command.Parameters.AddWithValue("id", eventKey);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        return command.ExecuteNonQuery() == 1;
    }

    public bool Recorded(string eventKey)
    {
        using var command = session.Command("SELECT 1 FROM inbox WHERE id = @id");
        command.Parameters.AddWithValue("id", eventKey);
        return command.ExecuteScalar() is not null;
    }
}
