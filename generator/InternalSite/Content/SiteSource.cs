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

    public IEnumerable<SourceFile> Under(string prefix) =>
        files.Values.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Reads a site folder: the config, <c>content/</c> and <c>themes/</c>; hidden files and folders are skipped.</summary>
    public static SiteSource FromDirectory(string root)
    {
        root = System.IO.Path.GetFullPath(root);
        var paths = new List<string>();
        var config = System.IO.Path.Combine(root, ConfigFileName);
        if (File.Exists(config))
        {
            paths.Add(config);
        }

        foreach (var folder in new[] { "content", "themes" })
        {
            var dir = System.IO.Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                paths.AddRange(EnumerateVisible(root, dir));
            }
        }

        var loaded = new SourceFile[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var relative = System.IO.Path.GetRelativePath(root, paths[i]).Replace('\\', '/');
            loaded[i] = new SourceFile(relative, File.ReadAllBytes(paths[i]));
        });
        return new SiteSource(loaded, root);
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

    private static IEnumerable<string> EnumerateVisible(string root, string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(dir, "*", options)
            .Where(p => !System.IO.Path.GetRelativePath(root, p).Split(System.IO.Path.DirectorySeparatorChar)
                .Any(segment => segment.StartsWith('.') || segment.EndsWith('~')));
    }
}
