namespace ChatPay.Bot.Storage;

/// <summary>The database cannot be opened for a reason the operator fixes (a wrong password, a file in use), told in one sentence.</summary>
public class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class DatabaseInUseException(string message) : StorageUnavailableException(message);
