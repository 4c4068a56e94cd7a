namespace InternalSite.Cli.Serve;

/// <summary>
/// Watches a site folder and reports batches of changed site-relative paths, after a short quiet spell so an editor's
/// save (often write + rename) arrives as one batch. A lost-events error reports a batch that asks for a full rescan.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);
    private readonly FileSystemWatcher watcher;
    private readonly string root;
    private readonly Action<IReadOnlyCollection<string>, bool> onBatch;
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Timer timer;
    private bool rescan;

    public SiteWatcher(string siteRoot, Action<IReadOnlyCollection<string>, bool> onBatch)
    {
        root = Path.GetFullPath(siteRoot);
        this.onBatch = onBatch;
        timer = new Timer(_ => Flush());
        watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Add(e.FullPath);
        watcher.Created += (_, e) => Add(e.FullPath);
        watcher.Deleted += (_, e) => Add(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Add(e.OldFullPath);
            Add(e.FullPath);
        };
        watcher.Error += (_, _) =>
        {
            lock (gate)
            {
                rescan = true;
            }

            timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        };
        watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        watcher.Dispose();
        timer.Dispose();
    }

    private void Add(string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (!LiveSource.IsWatched(relative))
        {
            return;
        }

        lock (gate)
        {
            pending.Add(relative);
        }

        timer.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private void Flush()
    {
        string[] batch;
        bool all;
        lock (gate)
        {
            batch = pending.Order(StringComparer.Ordinal).ToArray();
            all = rescan;
            pending.Clear();
            rescan = false;
        }

        if (batch.Length > 0 || all)
        {
            onBatch(batch, all);
        }
    }
}
