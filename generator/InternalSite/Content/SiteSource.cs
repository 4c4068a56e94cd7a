namespace InternalSite.Content;

/// <summary>
/// Everything a build reads: the config file and the files under <c>content/</c> and <c>themes/</c>.
/// It comes from a folder or, for tests, from memory, so the pipeline never touches the disk itself.
/// </summary>
public sealed class SiteSource
{
    public const string ConfigFileName = "site.config.yml";
    public const string ContentFolder = "content/";
    public const string ThemesFolder = "themes/";

    private readonly Dictionary<string, SourceFile> files;

    public SiteSource(IEnumerable<SourceFile> files, string? rootDirectory = null)
    {
        this.files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        RootDirectory = rootDirectory;
    }

    /// <summary>The folder the files came from; null for a site held in memory.</summary>
    public string? RootDirectory { get; }

    public SourceFile? Config => Get(ConfigFileName);

    public IEnumerable<SourceFile> ContentFiles =>
        files.Values.Where(f => f.Path.StartsWith(ContentFolder, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);

    public SourceFile? Get(string path) => files.GetValueOrDefault(path);

    /// <summary>Every file, in no particular order.</summary>
    internal IEnumerable<SourceFile> All => files.Values;

    /// <summary>
    /// For a site read with the last build's records: the moment (file system clock, ns since 1970) before any file
    /// was looked at, which decides whose stamps are old enough to be recorded (<see cref="SourceRecords"/>).
    /// </summary>
    internal long? LookedAtNs { get; private init; }

    public IEnumerable<SourceFile> Under(string prefix) =>
        files.Values.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Reads a site folder: the config, <c>content/</c> and <c>themes/</c>; hidden files and folders are skipped.</summary>
    public static SiteSource FromDirectory(string root)
    {
        root = System.IO.Path.GetFullPath(root);
        var paths = ListFiles(root);
        var loaded = new SourceFile[paths.Count];
        Parallel.For(0, paths.Count, i => loaded[i] = new SourceFile(paths[i], File.ReadAllBytes(System.IO.Path.Combine(root, paths[i]))));
        return new SiteSource(loaded, root);
    }

    /// <summary>
    /// Reads a site folder as <see cref="FromDirectory(string)"/> does, except the markdown files whose stamp is the one
    /// the last build recorded in <paramref name="cacheFolder"/>: those are taken at their recorded hash and read only
    /// if their bytes are asked for (a page restored from the build cache never asks). Other files are read now, as
    /// every build uses their bytes. <paramref name="lookedAtNs"/> stands in for the moment the build starts looking, for tests.
    /// </summary>
    internal static SiteSource FromDirectory(string root, string cacheFolder, long? lookedAtNs = null)
    {
        root = System.IO.Path.GetFullPath(root);
        var moment = lookedAtNs ?? SourceRecords.Moment();
        var recorded = SourceRecords.Load(cacheFolder);
        var paths = ListFiles(root);
        var files = new SourceFile[paths.Count];
        // Each file is asked about relative to the open site folder: the folders above it are not looked up each time.
        using var rootFolder = NativeStatus.Open(root);
        Parallel.For(0, paths.Count, i =>
        {
            var path = paths[i];
            var fullPath = System.IO.Path.Combine(root, path);
            var stamp = FileStamp.Of(rootFolder, rootFolder is null ? fullPath : path);
            files[i] = stamp is { } now && SourceFile.IsMarkdownPath(path) && recorded.TryGetValue(path, out var record) && record.Stamp == now
                ? new SourceFile(path, fullPath, now, record.Hash)
                : new SourceFile(path, File.ReadAllBytes(fullPath), stamp);
        });
        return new SiteSource(files, root) { LookedAtNs = moment };
    }

    private static List<string> ListFiles(string root)
    {
        var paths = new List<string>();
        if (File.Exists(System.IO.Path.Combine(root, ConfigFileName)))
        {
            paths.Add(ConfigFileName);
        }

        foreach (var folder in new[] { "content", "themes" })
        {
            var dir = System.IO.Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                paths.AddRange(EnumerateVisible(root, dir));
            }
        }

        return paths;
    }

    /// <summary>Builds a site from a text block of files, each introduced by a line <c>-- path --</c>.</summary>
    public static SiteSource FromText(string text)
    {
        var result = new List<SourceFile>();
        string? current = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush();
                current = line[3..^3].Trim();
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return new SiteSource(result);

        void Flush()
        {
            if (current is not null)
            {
                result.Add(new SourceFile(current, System.Text.Encoding.UTF8.GetBytes(body.ToString())));
            }

            body.Clear();
        }
    }

    /// <summary>
    /// The files under <paramref name="dir"/>, as '/'-separated paths relative to <paramref name="root"/>, leaving out
    /// hidden ones and backups: any file or folder whose name starts with '.' or ends with '~' (and all under such a
    /// folder, which is not even walked). Each path is made once, straight from the listing.
    /// </summary>
    private static IEnumerable<string> EnumerateVisible(string root, string dir)
    {
        var options = new System.IO.EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden };
        return new System.IO.Enumeration.FileSystemEnumerable<string>(dir, (ref System.IO.Enumeration.FileSystemEntry entry) => RelativePath(root, ref entry), options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory && IsVisible(entry.FileName),
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => IsVisible(entry.FileName),
        };
    }

    private static bool IsVisible(ReadOnlySpan<char> name) => !name.StartsWith('.') && !name.EndsWith('~');

    private static string RelativePath(string root, ref System.IO.Enumeration.FileSystemEntry entry)
    {
        var folder = entry.Directory[root.Length..].TrimStart(System.IO.Path.DirectorySeparatorChar);
        var path = string.Concat(folder, "/", entry.FileName);
        return System.IO.Path.DirectorySeparatorChar == '/' ? path : path.Replace(System.IO.Path.DirectorySeparatorChar, '/');
    }
}
