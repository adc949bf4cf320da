namespace ChatPay.Tests.Support;

/// <summary>Files at the repository's root, found from the test output folder.</summary>
public static class Repository
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ChatPay.sln"))) return Path.Combine(dir.FullName, name);
        throw new FileNotFoundException("The repository root (ChatPay.sln) was not found above the test output.");
    }
}
