using InternalSite.Content;

namespace InternalSite.Tests.Cli;

/// <summary>A site folder on disk for one test, written from a "-- path --" text block and deleted afterwards.</summary>
public sealed class TempSite : IDisposable
{
    private TempSite(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "_site");

    public static TempSite Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "internalsite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new TempSite(root);
    }

    public static TempSite From(string files)
    {
        var site = Empty();
        site.Write(files);
        return site;
    }

    /// <summary>A copy of another folder (site and output alike), byte for byte.</summary>
    public static TempSite CopyOf(string folder)
    {
        var site = Empty();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(site.Root, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return site;
    }

    /// <summary>Writes (or overwrites) the files of a "-- path --" text block.</summary>
    public void Write(string files)
    {
        var source = SiteSource.FromText(files);
        foreach (var file in source.Under(string.Empty))
        {
            Write(file.Path, file.Bytes);
        }
    }

    public void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public CliResult Run(params string[] args) => CliProcess.Run(Root, args);

    public CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args) => CliProcess.Run(Root, environment, args);

    /// <summary>Every file under a folder of the site (relative path → bytes); empty when the folder does not exist.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    /// <summary>Asserts two snapshots hold the same paths with the same bytes, naming the first difference.</summary>
    public static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string what)
    {
        Assert.True(expected.Count > 0, $"{what}: the reference snapshot is empty");
        Assert.Equal(string.Join("\n", expected.Keys), string.Join("\n", actual.Keys));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{what}: {path} differs");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
