namespace InternalSite.Tests.Serve;

/// <summary>A small site written to a temporary folder, with a secret file beside it that no server may hand out.</summary>
internal sealed class TempSite : IDisposable
{
    public const string Secret = "TOP-SECRET-NOT-PART-OF-THE-SITE";

    public TempSite()
    {
        Folder = Path.Combine(Path.GetTempPath(), "internalsite-serve-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Folder, "site");
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Folder, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);
        foreach (var (path, text) in Incremental.SampleSite.Files())
        {
            Write(path, text);
        }
    }

    public string Folder { get; }

    public string Root { get; }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Edit(string path, string find, string replace)
    {
        var full = Path.Combine(Root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(find, text);
        File.WriteAllText(full, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
