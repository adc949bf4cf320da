using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>A SQL database behind the shared statements of this folder: a step in one transaction, a read outside any; disposing it closes its connections.</summary>
public interface ISqlStore : IDisposable
{
    /// <summary>Runs <paramref name="work"/> in one transaction (again from the start where the database asks for it).</summary>
    T Step<T>(Func<SqlSession, T> work);

    /// <summary>A read on committed data, outside any step.</summary>
    T Query<T>(Func<SqlSession, T> query);

    ISqlDialect Dialect { get; }
}

/// <summary>What a domain step is on any SQL store.</summary>
public static class SqlSteps
{
    /// <summary>One transaction; the chats it touched are signalled once it has committed (their long polls and delivery wake).</summary>
    public static T DomainStep<T>(this ISqlStore store, ChatSignal signal, Func<IStoreSession, T> work)
    {
        var (result, touched) = store.Step(session => (work(session), session.TouchedChats.ToList()));
        signal.Changed(touched);
        return result;
    }
}
