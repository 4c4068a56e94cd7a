namespace InternalSite.Cli.Serve;

/// <summary>
/// What the preview serves: the last good build's files, with pages shown before their build finished put over
/// them. Two kinds of such pages: a build's own early pages (the saved page, the open tabs), and pages drawn "ahead"
/// for a save made while another build ran, which stay over every build until the one that takes the save in.
/// Builds run one at a time, but a save drawn ahead runs beside them, hence the lock.
/// </summary>
internal sealed class ServedFiles
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, byte[]> ahead = new(StringComparer.Ordinal);
    private volatile IReadOnlyDictionary<string, byte[]> current = new Dictionary<string, byte[]>();
    private IReadOnlyDictionary<string, byte[]> lastGood = new Dictionary<string, byte[]>();

    /// <summary>The files served now, by output path.</summary>
    public IReadOnlyDictionary<string, byte[]> Current => current;

    /// <summary>The files of the last successful build, without any page shown ahead of it.</summary>
    public IReadOnlyDictionary<string, byte[]> LastGood
    {
        get
        {
            lock (gate)
            {
                return lastGood;
            }
        }
    }

    /// <summary>Serves pages drawn for a save no build has taken in yet; returns those that differ from what was served.</summary>
    public string[] ShowAhead(IReadOnlyDictionary<string, byte[]> drawn)
    {
        lock (gate)
        {
            var shown = ChangedIn(drawn, current);
            foreach (var file in shown)
            {
                ahead[file] = drawn[file];
            }

            current = Over(current, drawn, shown);
            return shown;
        }
    }

    /// <summary>
    /// Takes pages drawn ahead back into the build about to run (it holds their save): from now on they are its
    /// early pages. Returns those that were still ahead.
    /// </summary>
    public string[] TakeIn(IEnumerable<string> drawn)
    {
        lock (gate)
        {
            return drawn.Where(ahead.Remove).ToArray();
        }
    }

    /// <summary>Serves a build's early pages, but for pages drawn ahead for a later save (they are newer); returns those that changed.</summary>
    public string[] ShowEarly(IReadOnlyDictionary<string, byte[]> early)
    {
        lock (gate)
        {
            var shown = ChangedIn(early, current).Where(f => !ahead.ContainsKey(f)).ToArray();
            current = Over(current, early, shown);
            return shown;
        }
    }

    /// <summary>
    /// A build succeeded with <paramref name="next"/>: serves it (under pages still ahead of it) and returns the files
    /// open tabs should reload. Only the pages shown early differ between what was served and the last good build;
    /// the other changed files need no second comparison.
    /// </summary>
    public string[] Succeeded(IReadOnlyDictionary<string, byte[]> next, IReadOnlyList<string> changedFiles, IReadOnlySet<string> shownEarly)
    {
        lock (gate)
        {
            var served = current;
            var reload = shownEarly.Count == 0
                ? changedFiles
                : changedFiles.Union(shownEarly).Where(f => !next.TryGetValue(f, out var rebuilt) || Changed(served, f, rebuilt));
            lastGood = next;
            current = Over(next, ahead, ahead.Keys);
            return reload.Where(f => !ahead.ContainsKey(f)).Order(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>
    /// A build failed: the last good files come back (under pages drawn ahead for later saves). Returns its early
    /// pages, which open tabs should reload into their last good version.
    /// </summary>
    public string[] Failed(IReadOnlySet<string> shownEarly)
    {
        lock (gate)
        {
            current = Over(lastGood, ahead, ahead.Keys);
            return shownEarly.Where(f => !ahead.ContainsKey(f)).ToArray();
        }
    }

    /// <summary>The files that differ between two builds, added and removed ones included.</summary>
    public static string[] Differences(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after) =>
        ChangedIn(after, before).Concat(before.Keys.Where(k => !after.ContainsKey(k))).Order(StringComparer.Ordinal).ToArray();

    private static string[] ChangedIn(IReadOnlyDictionary<string, byte[]> files, IReadOnlyDictionary<string, byte[]> against) =>
        files.Where(f => Changed(against, f.Key, f.Value)).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="bytes"/> differ from the file at <paramref name="path"/> in <paramref name="files"/> (or it is not there).</summary>
    private static bool Changed(IReadOnlyDictionary<string, byte[]> files, string path, byte[] bytes) =>
        !files.TryGetValue(path, out var old) || !ReferenceEquals(old, bytes) && !old.AsSpan().SequenceEqual(bytes);

    /// <summary><paramref name="under"/> with the <paramref name="paths"/> of <paramref name="over"/> put over it.</summary>
    private static IReadOnlyDictionary<string, byte[]> Over(
        IReadOnlyDictionary<string, byte[]> under, IReadOnlyDictionary<string, byte[]> over, IEnumerable<string> paths)
    {
        Dictionary<string, byte[]>? result = null;
        foreach (var path in paths)
        {
            result ??= new Dictionary<string, byte[]>(under, StringComparer.Ordinal);
            result[path] = over[path];
        }

        return result ?? under;
    }
}
