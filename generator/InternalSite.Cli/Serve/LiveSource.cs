using InternalSite.Content;

namespace InternalSite.Cli.Serve;

/// <summary>
/// The site's files held in memory and kept up to date from file-system events, so a rebuild after one saved file
/// reads that file, not the whole site. Follows the same rules as <see cref="SiteSource.FromDirectory"/>: the config,
/// <c>content/</c> and <c>themes/</c>; hidden files and editor backups (<c>~</c>) are skipped.
/// </summary>
public sealed class LiveSource
{
    private readonly string root;
    private readonly Dictionary<string, SourceFile> files = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public LiveSource(string siteRoot)
    {
        root = Path.GetFullPath(siteRoot);
        Reload();
    }

    public string Root => root;

    /// <summary>A consistent view of the files for one build.</summary>
    public SiteSource Snapshot()
    {
        lock (gate)
        {
            return new SiteSource(files.Values.ToArray(), root);
        }
    }

    /// <summary>
    /// The files now at <paramref name="relativePaths"/>, and the paths where there is no file (deleted or renamed, a
    /// folder, or an editor's temporary file that came and went while saving).
    /// </summary>
    public (IReadOnlyList<SourceFile> Present, IReadOnlyList<string> Gone) Current(IEnumerable<string> relativePaths)
    {
        lock (gate)
        {
            var present = new List<SourceFile>();
            var gone = new List<string>();
            foreach (var path in relativePaths.Distinct(StringComparer.Ordinal))
            {
                if (files.TryGetValue(path, out var file))
                {
                    present.Add(file);
                }
                else
                {
                    gone.Add(path);
                }
            }

            return (present, gone);
        }
    }

    /// <summary>
    /// What <see cref="Current"/> will say once <paramref name="relativePaths"/> are applied, read from the disk now
    /// and leaving the files a build is reading untouched: for drawing a save while another build runs.
    /// </summary>
    public (IReadOnlyList<SourceFile> Present, IReadOnlyList<string> Gone) Peek(IEnumerable<string> relativePaths)
    {
        var present = new List<SourceFile>();
        var gone = new List<string>();
        foreach (var path in relativePaths.Distinct(StringComparer.Ordinal))
        {
            var full = Path.Combine(root, path);
            if (IsWatched(path) && !Directory.Exists(full) && TryRead(full) is { } bytes)
            {
                present.Add(new SourceFile(path, bytes));
            }
            else
            {
                gone.Add(path);
            }
        }

        return (present, gone);
    }

    /// <summary>Reads everything again, e.g. after the watcher lost events.</summary>
    public void Reload()
    {
        var fresh = SiteSource.FromDirectory(root);
        lock (gate)
        {
            files.Clear();
            foreach (var file in fresh.ContentFiles.Concat(fresh.Under(SiteSource.ThemesFolder)))
            {
                files[file.Path] = file;
            }

            if (fresh.Config is { } config)
            {
                files[config.Path] = config;
            }
        }
    }

    /// <summary>Whether a site-relative path ('/'-separated) is one a build reads.</summary>
    public static bool IsWatched(string relative)
    {
        if (relative.Length == 0 || relative.Split('/').Any(s => s.StartsWith('.') || s.EndsWith('~') || s == ".."))
        {
            return false;
        }

        return relative == SiteSource.ConfigFileName || relative == "content" || relative == "themes"
            || relative.StartsWith(SiteSource.ContentFolder, StringComparison.Ordinal)
            || relative.StartsWith(SiteSource.ThemesFolder, StringComparison.Ordinal);
    }

    /// <summary>Brings the given paths (files or folders, added, changed or gone) up to date.</summary>
    public void Apply(IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths.Distinct(StringComparer.Ordinal))
        {
            if (!IsWatched(relative))
            {
                continue;
            }

            var full = Path.Combine(root, relative);
            if (Directory.Exists(full))
            {
                var under = relative + "/";
                var found = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                    .Where(IsWatched)
                    .ToArray();
                var loaded = found.Select(p => (Path: p, Bytes: TryRead(Path.Combine(root, p)))).ToArray();
                lock (gate)
                {
                    RemoveUnder(under);
                    foreach (var (path, bytes) in loaded.Where(l => l.Bytes is not null))
                    {
                        files[path] = new SourceFile(path, bytes!);
                    }
                }
            }
            else if (TryRead(full) is { } bytes)
            {
                lock (gate)
                {
                    files[relative] = new SourceFile(relative, bytes);
                }
            }
            else
            {
                lock (gate)
                {
                    files.Remove(relative);
                    RemoveUnder(relative + "/");
                }
            }
        }
    }

    private void RemoveUnder(string prefix)
    {
        foreach (var path in files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray())
        {
            files.Remove(path);
        }
    }

    /// <summary>Reads a file an editor may be in the middle of saving: a few short retries, then "not there".</summary>
    private static byte[]? TryRead(string path)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (IOException)
            {
                Thread.Sleep(15);
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        return null;
    }
}
