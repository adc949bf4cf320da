using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// ChatPay's single LiteDB database. Writes are serialised and each runs in one transaction on one thread
/// (a LiteDB transaction belongs to its thread); reads run concurrently against committed data.
/// </summary>
public sealed class LiteDbStore : IHostStore, IDisposable
{
    private readonly DatabaseFileLock? _fileLock;
    private readonly LiteDatabase _db;
    private readonly Lock _writeLock = new();
    private readonly ChatSignal _signal;
    private long _lastSeq;

    /// <param name="password">Encrypts the file at rest; an existing plain file is encrypted on this first open with a password.</param>
    public LiteDbStore(string databasePath, ChatSignal signal, string? password = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _fileLock = DatabaseFileLock.Acquire(databasePath);
        try
        {
            _db = Open(databasePath, password);
            OwnerOnlyFiles.Restrict(databasePath, databasePath + ".lock", DatabaseEncryption.LogFileOf(databasePath));
            try
            {
                EnsureIndexes();
            }
            catch
            {
                _db.Dispose();
                throw;
            }
        }
        catch (Exception e)
        {
            _fileLock.Dispose();
            // LiteDB reports a damaged or foreign file with whatever exception its reader meets first.
            if (e is StorageUnavailableException) throw;
            throw new StorageUnavailableException($"The database {databasePath} cannot be used ({e.Message}). Restore a backup, or start on a new file.", e);
        }
        _signal = signal;
        FilePath = Path.GetFullPath(databasePath);
    }

    /// <summary>
    /// A database in memory, for the domain's tests: the same store without I/O. Opening another store on the same
    /// stream after disposing this one is a restart (what was committed is there).
    /// </summary>
    public LiteDbStore(MemoryStream memory, ChatSignal signal)
    {
        _db = new LiteDatabase(memory, ChatPayMapper.Create());
        EnsureIndexes();
        _signal = signal;
        FilePath = InMemory;
    }

    public const string InMemory = ":memory:";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ChatChannel, bool> _readFromLog = new();

    public void ReadFromLog(ChatChannel channel) => _readFromLog[channel] = true;

    public StorageProvider Provider => StorageProvider.LiteDb;

    internal bool IsReadFromLog(ChatChannel channel) => _readFromLog.ContainsKey(channel);

    /// <summary>The database file's full path (<see cref="InMemory"/> for a database in memory).</summary>
    public string FilePath { get; }

    /// <summary>True when this open turned an existing plain database into an encrypted one.</summary>
    public bool EncryptedOnOpen { get; private set; }

    private LiteDatabase Open(string path, string? password)
    {
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        var encrypted = exists && DatabaseEncryption.IsEncrypted(path);
        if (encrypted && password is null)
            throw new StorageUnavailableException($"The database {path} is encrypted. Set Storage:Password to open it.");
        if (exists && !encrypted && password is not null)
        {
            DatabaseEncryption.EncryptInPlace(path, password);
            EncryptedOnOpen = true;
        }
        try
        {
            return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = password }, ChatPayMapper.Create());
        }
        catch (LiteException e) when (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageUnavailableException($"Storage:Password does not open the database {path}.", e);
        }
    }

    /// <summary>Builds the mapping of a type kept outside the domain's (a record table's) before threads share it.</summary>
    internal void Map(Type type) => ChatPayMapper.MapEveryPart(_db.Mapper, [type]);

    /// <summary>Every collection in the file (for copying it elsewhere).</summary>
    internal IEnumerable<string> CollectionNames() => _db.GetCollectionNames();

    /// <summary>A collection outside the domain's (settings, the sandbox gateway's own records), to read; writes go through <see cref="WriteTo{T}"/>.</summary>
    internal ILiteCollection<T> Collection<T>(string name) => _db.GetCollection<T>(name);

    /// <summary>
    /// A write to a collection outside the domain's, serialised with every other write: LiteDB 5 corrupts the list of free
    /// pages in its header when two transactions write different collections at once (litedb-org/LiteDB#2825; seen here
    /// as a database that would not open again after a restart, once the chat log's sparse indexes freed pages often).
    /// </summary>
    internal void WriteTo<T>(string collection, Action<ILiteCollection<T>> write) => WriteDirect(db =>
    {
        write(db.GetCollection<T>(collection));
        return true;
    });

    public T Write<T>(Func<IStoreSession, T> work)
    {
        LiteDbSession session;
        T result;
        lock (_writeLock)
        {
            _db.BeginTrans();
            session = new LiteDbSession(_db, NextSeq, IsReadFromLog);
            var seqBefore = _lastSeq;
            try
            {
                result = work(session);
                if (_lastSeq != seqBefore) ChatLogIndexes.StoreLastSeq(_db, _lastSeq);
                if (!_db.Commit()) throw new InvalidOperationException("LiteDB did not commit the transaction.");
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
        _signal.Changed(session.TouchedChats);
        return result;
    }

    /// <summary>A step on the raw database (a channel's delivery bookkeeping), serialised with the domain's steps so neither loses the other's change.</summary>
    internal T WriteDirect<T>(Func<LiteDatabase, T> work)
    {
        lock (_writeLock)
        {
            _db.BeginTrans();
            try
            {
                var result = work(_db);
                if (!_db.Commit()) throw new InvalidOperationException("LiteDB did not commit the transaction.");
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    public T Read<T>(Func<IStoreSession, T> query) => query(new LiteDbSession(_db, () => throw new InvalidOperationException("Reads do not write."), IsReadFromLog));

    /// <summary>Entries of one chat added or changed after the sequence number <paramref name="afterSeq"/>, in order of change.</summary>
    public IReadOnlyList<ChatLogEntry> ChatHistory(string chatKey, long afterSeq, int limit) =>
        _db.GetCollection<ChatLogEntry>(LiteChatLog.Collection)
            .Where(nameof(ChatLogEntry.ChatKey), chatKey).Where(e => e.Seq > afterSeq).OrderBy(e => e.Seq).Take(limit).ToList();

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="target"/> while the bot keeps running; steps wait
    /// meanwhile (about a second per 100 MB). Returns the copy's size. An encrypted database stays encrypted. The
    /// database's own files are refused, and an existing file unless <paramref name="overwrite"/>.
    /// </summary>
    public long Backup(string target, bool overwrite = false)
    {
        if (FilePath == InMemory) throw new InvalidOperationException("A database in memory has no file to back up.");
        if (BackupTarget.Refusal(FilePath, target, overwrite) is { } refusal) throw new IOException(refusal);
        var partial = target + ".partial";
        File.Delete(partial);
        lock (_writeLock)
        {
            // With every committed page moved into the data file and every write held back, the file is a whole database.
            _db.Checkpoint();
            using var source = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new FileStream(partial, OwnerOnlyFiles.NewFile());
            source.CopyTo(copy);
            copy.Flush(flushToDisk: true);
        }
        File.Move(partial, target, overwrite: true);
        return new FileInfo(target).Length;
    }

    // Writes are serialised by the write lock, so a plain increment suffices; a rolled-back step only leaves a gap.
    private long NextSeq() => ++_lastSeq;

    public void Dispose()
    {
        _db.Dispose();
        _fileLock?.Dispose();
    }

    private void EnsureIndexes()
    {
        var payments = _db.GetCollection<Payment>(LitePayments.Collection);
        payments.EnsureIndex(p => p.LinkToken, unique: true);
        payments.EnsureIndex(p => p.DossierCode);
        payments.EnsureIndex(p => p.OpenUntil);
        payments.EnsureIndex(p => p.NextCheckAt);
        payments.EnsureIndex(p => p.State);
        // The day's reconciliation reads attempts by when they were settled and opened.
        payments.EnsureIndex(p => p.FinishedAt);
        payments.EnsureIndex(p => p.OpenedAt);
        _db.GetCollection<GatewayCheck>(LiteGatewayChecks.Collection).EnsureIndex(c => c.Day);
        var refunds = _db.GetCollection<Refund>(LiteRefunds.Collection);
        refunds.EnsureIndex(r => r.PaymentId);
        refunds.EnsureIndex(r => r.DossierCode);
        refunds.EnsureIndex(r => r.NextAttemptAt);
        refunds.EnsureIndex(r => r.IdempotencyKey);
        refunds.EnsureIndex(r => r.FinishedAt);
        _db.GetCollection<SupportCase>(LiteSupportCases.Collection).EnsureIndex(c => c.DossierCode);
        _db.GetCollection<Receipt>(LiteReceipts.Collection).EnsureIndex(r => r.AccessToken, unique: true);
        // Not unique: receipts of earlier versions have none (random 12-character codes do not collide in practice).
        _db.GetCollection<Receipt>(LiteReceipts.Collection).EnsureIndex(r => r.LookupCode);
        _db.GetCollection<Receipt>(LiteReceipts.Collection).EnsureIndex(r => r.DossierCode, unique: true);
        _db.GetCollection<ConversationSnapshot>(LiteConversations.Collection).EnsureIndex(c => c.Deadline);
        var enrollments = _db.GetCollection<Enrollment>(LiteEnrollments.Collection);
        enrollments.EnsureIndex(e => e.ChatKey);
        enrollments.EnsureIndex(e => e.AgencyCode);
        _lastSeq = ChatLogIndexes.Ensure(_db);
        _db.GetCollection(LiteInbox.Collection).EnsureIndex(LiteInbox.SeenAt);
        _db.GetCollection(LiteLookupTallies.Collection).EnsureIndex(LiteLookupTallies.WindowStart);
        var dossiers = _db.GetCollection<Dossier>(LiteDossiers.Collection);
        dossiers.EnsureIndex(d => d.AgencyCode);
        dossiers.EnsureIndex(d => d.NextReminderAt);
        dossiers.EnsureIndex(d => d.NextNoticeAt);
        dossiers.EnsureIndex(d => d.ApplicantPhoneHash);
        _db.GetCollection<PhoneLink>(LitePhoneLinks.Collection).EnsureIndex(l => l.PhoneHash);
        var phoneMessages = _db.GetCollection<PhoneMessage>(LitePhoneMessages.Collection);
        phoneMessages.EnsureIndex(m => m.NextAttemptAt);
        phoneMessages.EnsureIndex(m => m.DossierCode);
        phoneMessages.EnsureIndex(m => m.MessageId);
        _db.GetCollection<ConversationSnapshot>(LiteConversations.Collection).EnsureIndex(c => c.DossierCode);
        _db.GetCollection<EnrollmentAttempt>(LiteEnrollments.AuditCollection).EnsureIndex(a => a.ChatKey);
        _db.GetCollection<PortalEvent>(LiteIntegrationEvents.Collection).EnsureIndex(e => e.NextAttemptAt);
    }
}
