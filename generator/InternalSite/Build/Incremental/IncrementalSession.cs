using System.Collections.Concurrent;
using InternalSite.Model;
using InternalSite.Outputs;
using InternalSite.Templating;
using Scriban;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The output side of one incremental build. An output file is carried over from the last build when the global key
/// is unchanged and every page member, site member and template its last render read has the same fingerprint now;
/// otherwise it is rendered again while its reads are recorded for next time. Members made from a page's own source
/// are checked through one fingerprint of that source while it is unchanged (see <see cref="PageSourceMembers"/>).
/// </summary>
internal sealed class IncrementalSession
{
    private readonly IncrementalState previous;
    private readonly IReusingOutputSink? sink;
    private readonly Theme theme;
    private readonly Dictionary<string, Page> pagesByKey;
    private readonly Lazy<Dictionary<object, string>> keysByPage;
    private readonly ConcurrentDictionary<DependencyKey, string> current = new();
    private readonly ConcurrentDictionary<string, Pending> next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FingerprintedFile> nextFingerprinted = new(StringComparer.Ordinal);

    // Per dependency of the last build: 0 not checked yet, 1 unchanged, 2 changed. Many files share a dependency.
    private readonly int[] validity;

    // Per dependency of the last build: the index of its page's source when the member is made from that alone,
    // SourceItself for a page's source, else -1.
    private readonly Lazy<int[]> sourceOf;
    private const int SourceItself = -2;
    private readonly ConcurrentDictionary<object, string> sharedFingerprints = new(ReferenceEqualityComparer.Instance);
    private readonly ThreadLocal<TemplateContext> readers = new(() => new TemplateContext());
    private readonly bool previousUsable;
    private readonly Lazy<Dictionary<string, StaticFile>> staticFiles;

    // Fingerprinted files describe all their inputs themselves, so only the output they were kept in must match.
    private readonly bool previousOutputUsable;
    private readonly ConcurrentBag<string> renderedPaths = [];
    private int kept;

    public IncrementalSession(IncrementalState previous, SiteModel site, Theme theme, string globalKey, IOutputSink sink)
    {
        this.previous = previous;
        this.theme = theme;
        Site = site;
        GlobalKey = globalKey;
        this.sink = sink as IReusingOutputSink;
        pagesByKey = new Dictionary<string, Page>(StringComparer.Ordinal);
        var duplicated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in site.AllPages)
        {
            if (!pagesByKey.TryAdd(ValueFingerprint.PageKey(page), page))
            {
                duplicated.Add(ValueFingerprint.PageKey(page));
            }
        }

        // Two pages on one route are an error anyway; neither can be found again reliably.
        foreach (var key in duplicated)
        {
            pagesByKey.Remove(key);
        }

        // Every read of a page asks for its key: one lookup by reference instead of building "page:route" each time.
        keysByPage = new(() => pagesByKey.ToDictionary(p => (object)p.Value, p => p.Key, ReferenceEqualityComparer.Instance));
        staticFiles = new(() => site.StaticFiles.GroupBy(f => f.OutputPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        validity = new int[previous.DependencyKeys.Length];
        sourceOf = new(() => SourceDependencies(previous.DependencyKeys));
        previousOutputUsable = this.sink is not null && previous.OutputIdentity == this.sink.OutputIdentity;
        previousUsable = previousOutputUsable && previous.GlobalKey == globalKey;
    }

    public SiteModel Site { get; }

    /// <summary>The in-memory caches of the state this build started from (see <see cref="IncrementalState.Memory"/>).</summary>
    public MemoryCaches Memory => previous.Memory;

    public string GlobalKey { get; }

    /// <summary>What the last build's search index was made of, if known.</summary>
    public Outputs.Search.SearchIndexState? PreviousSearchIndex => previous.SearchIndex;

    /// <summary>What this build's search index was made of, for the next build (set by the search index output).</summary>
    public Outputs.Search.SearchIndexState? NextSearchIndex { get; set; }

    /// <summary>
    /// The markdown cache entry <paramref name="page"/>'s body, text sections included, comes from (the very entry),
    /// so values derived from those sections can be kept with it; null when there is none.
    /// </summary>
    public MarkdownCacheEntry? MarkdownOf(Page page) =>
        previous.Markdown.TryGetValue(page.SourcePath, out var entry) && page.ShowsBody(entry.Rendered)
            ? entry
            : null;

    /// <summary>The key <paramref name="page"/>'s reads are recorded under; null when it cannot be found again by that key.</summary>
    public string? KeyOf(Page page) => keysByPage.Value.GetValueOrDefault(page);

    /// <summary>Carries <paramref name="path"/> over from the last build if nothing it read has changed.</summary>
    public bool TryKeep(string path)
    {
        if (!previousUsable || !previous.Outputs.TryGetValue(path, out var record))
        {
            return false;
        }

        var sources = sourceOf.Value;
        foreach (var read in record.Reads)
        {
            // A page's source is read only beside members made from it, which are checked themselves.
            if (sources[read] != SourceItself && !Unchanged(read))
            {
                return false;
            }
        }

        if (!sink!.TryKeep(path, record.Length))
        {
            return false;
        }

        next[path] = new Pending(record.Length, record.Reads, null);
        Interlocked.Increment(ref kept);
        return true;
    }

    /// <summary>Carries <paramref name="path"/> over from the last build if it was written from inputs with this fingerprint.</summary>
    public bool TryKeepFingerprinted(string path, string fingerprint)
    {
        if (!previousOutputUsable || !previous.Fingerprinted.TryGetValue(path, out var record) || record.Fingerprint != fingerprint
            || !sink!.TryKeep(path, record.Length))
        {
            return false;
        }

        nextFingerprinted[path] = record;
        Interlocked.Increment(ref kept);
        return true;
    }

    /// <summary>Remembers that <paramref name="path"/> was just written from inputs with this fingerprint.</summary>
    public void RecordFingerprinted(string path, string fingerprint, long length) =>
        nextFingerprinted[path] = new FingerprintedFile(fingerprint, length);

    /// <summary>Renders a file while recording what it reads.</summary>
    public byte[]? Render(string path, Func<byte[]?> render)
    {
        var recording = ReadTracker.Begin(this);
        byte[]? bytes;
        try
        {
            bytes = render();
        }
        finally
        {
            ReadTracker.End();
        }

        renderedPaths.Add(path);
        if (bytes is not null && recording.Trackable)
        {
            next[path] = new Pending(bytes.LongLength, null, recording.Reads.ToArray());
        }

        return bytes;
    }

    public void Remember(DependencyKey key, object? value) => current.GetOrAdd(key, static (_, read) => ValueFingerprint.Of(read), value);

    /// <summary>Records the fingerprint of <paramref name="page"/>'s source; false when there is none to record.</summary>
    public bool RememberSource(DependencyKey key, Page page)
    {
        if (current.ContainsKey(key))
        {
            return true;
        }

        if (PageSourceMembers.Fingerprint(page, previous) is not { } fingerprint)
        {
            return false;
        }

        current.TryAdd(key, fingerprint);
        return true;
    }

    public void RememberTemplate(DependencyKey key) => current.GetOrAdd(key, k => TemplateFingerprint(k.Member));

    public void RememberStaticFile(DependencyKey key) => current.GetOrAdd(key, k => StaticFileFingerprint(k.Member));

    /// <summary>The state the next build starts from, describing the output this build produced.</summary>
    public void CommitTo(IncrementalState state)
    {
        state.GlobalKey = GlobalKey;
        state.OutputIdentity = sink?.OutputIdentity ?? string.Empty;
        // Renumber: kept files refer to the last build's table, rendered ones to what they read now.
        // Sized for the last build's table up front: on a large site it has hundreds of thousands of keys, and growing
        // to that size step by step allocates (and rehashes) several times over.
        var expected = previous.DependencyKeys.Length + 1024;
        var ids = new Dictionary<DependencyKey, int>(expected);
        var keys = new List<DependencyKey>(expected);
        var fingerprints = new FingerprintTable.Builder(expected, previous.DependencyFingerprints.ByteCount + (64 * 1024));
        var fromPrevious = new int[previous.DependencyKeys.Length];
        Array.Fill(fromPrevious, -1);
        int Id(DependencyKey key, int carriedFrom)
        {
            if (!ids.TryGetValue(key, out var id))
            {
                id = keys.Count;
                ids[key] = id;
                keys.Add(key);
                if (carriedFrom >= 0)
                {
                    fingerprints.AddFrom(previous.DependencyFingerprints, carriedFrom);
                }
                else
                {
                    fingerprints.Add(CurrentFingerprint(key));
                }
            }

            return id;
        }

        var outputs = new Dictionary<string, OutputRecord>(next.Count, StringComparer.Ordinal);
        foreach (var (path, pending) in next.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            int[] reads;
            if (pending.KeptReads is { } kept)
            {
                reads = new int[kept.Length];
                for (var i = 0; i < kept.Length; i++)
                {
                    var old = kept[i];
                    if (fromPrevious[old] < 0)
                    {
                        fromPrevious[old] = Id(previous.DependencyKeys[old], KeepsLastFingerprint(old) ? old : -1);
                    }

                    reads[i] = fromPrevious[old];
                }
            }
            else
            {
                reads = pending.NewReads!.Select(read => Id(read, -1)).ToArray();
            }

            outputs[path] = new OutputRecord(pending.Length, reads);
        }

        state.Outputs = outputs;
        state.Fingerprinted = new Dictionary<string, FingerprintedFile>(nextFingerprinted, StringComparer.Ordinal);
        state.DependencyKeys = keys.ToArray();
        state.DependencyFingerprints = fingerprints.ToTable();
        state.LastRendered = renderedPaths.Order(StringComparer.Ordinal).ToArray();
        state.LastKept = kept;
        state.SearchIndex = NextSearchIndex;
        ForgetFingerprintsOfGoneDependencies(keys);
    }

    /// <summary>Keeps the remembered fingerprints of a long <c>serve</c> session from growing with every page ever renamed.</summary>
    private void ForgetFingerprintsOfGoneDependencies(List<DependencyKey> live)
    {
        if (Memory.LastFingerprints.Count <= (2 * live.Count) + 1024)
        {
            return;
        }

        var liveKeys = live.ToHashSet();
        foreach (var key in Memory.LastFingerprints.Keys)
        {
            if (!liveKeys.Contains(key))
            {
                Memory.LastFingerprints.TryRemove(key, out _);
            }
        }
    }

    private bool Unchanged(int dependency)
    {
        var known = Volatile.Read(ref validity[dependency]);
        if (known == 0 && sourceOf.Value[dependency] is var source and >= 0 && Unchanged(source))
        {
            // Made from the page's own source alone, which is unchanged: so is this member (see PageSourceMembers).
            known = 1;
            Volatile.Write(ref validity[dependency], known);
        }

        if (known == 0)
        {
            // Evaluated directly, not through the table of this build's fingerprints: most dependencies are only ever
            // checked, and looking each up there costs about as much as evaluating it.
            known = previous.DependencyFingerprints.Is(dependency, Evaluate(previous.DependencyKeys[dependency])) ? 1 : 2;
            Volatile.Write(ref validity[dependency], known);
        }

        return known == 1;
    }

    /// <summary>
    /// Whether a kept file's read keeps the last build's fingerprint, which its check found unchanged: all do except a
    /// page's source, which is not checked for the file (its members are) and so must describe this build's source.
    /// </summary>
    private bool KeepsLastFingerprint(int dependency) =>
        sourceOf.Value[dependency] != SourceItself || Volatile.Read(ref validity[dependency]) == 1;

    private static int[] SourceDependencies(DependencyKey[] keys)
    {
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Member == PageSourceMembers.Member)
            {
                sources[keys[i].Owner] = i;
            }
        }

        var sourceOf = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            sourceOf[i] = key.Member == PageSourceMembers.Member ? SourceItself
                : PageSourceMembers.IsFromOwnSource(key.Member) && sources.TryGetValue(key.Owner, out var source) ? source : -1;
        }

        return sourceOf;
    }

    private string CurrentFingerprint(DependencyKey key) => current.GetOrAdd(key, Evaluate);

    /// <summary>A file of this build: kept (reads numbered as in the last build) or rendered (reads as recorded).</summary>
    private sealed record Pending(long Length, int[]? KeptReads, DependencyKey[]? NewReads);

    private string Evaluate(DependencyKey key)
    {
        if (key.Owner == DependencyKey.ThemeOwner)
        {
            return TemplateFingerprint(key.Member);
        }

        if (key.Owner == DependencyKey.FileOwner)
        {
            return StaticFileFingerprint(key.Member);
        }

        object? owner = key.Owner == DependencyKey.SiteOwner ? Site : pagesByKey.GetValueOrDefault(key.Owner);
        if (owner is null)
        {
            return "(gone)";
        }

        if (key.Member == PageSourceMembers.Member)
        {
            // A source this build cannot tell must never match a recorded one.
            return owner is Page sourced && PageSourceMembers.Fingerprint(sourced, previous) is { } sourceFingerprint
                ? sourceFingerprint
                : "(unknown) " + Guid.NewGuid().ToString("N");
        }

        if (owner is Page page && TrackedPageFunctions.TryCall(Site, page, key.Member, out var computed))
        {
            return ValueFingerprint.Of(computed);
        }

        // Read the member the way the template did, through Scriban's own accessor (same member names).
        var reader = readers.Value!;
        var accessor = CompiledMemberAccessor.For(reader, owner, reader.GetMemberAccessor(owner));
        var found = accessor.TryGetValue(reader, default, owner, key.Member, out var value);
        if (!found)
        {
            return ValueFingerprint.Of(TrackingObjectAccessor.Absent.Instance);
        }

        // Within one process (serve), most values are the very objects the last build read, handed out again by the
        // parse and markdown caches: their fingerprint is known. Only immutable kinds of value are trusted this way.
        var identity = ImmutableIdentity(value);
        if (identity is not null && Memory.LastFingerprints.TryGetValue(key, out var last) && ReferenceEquals(last.Value, identity))
        {
            return last.Fingerprint;
        }

        if (value is Array shared)
        {
            // Arrays of the model are made once and shared by many pages (e.g. the navigation as one section shows it).
            return sharedFingerprints.GetOrAdd(shared, ValueFingerprint.Of);
        }

        var fingerprint = ValueFingerprint.Of(value);
        if (identity is not null)
        {
            Memory.LastFingerprints[key] = new KnownFingerprint(identity, fingerprint);
        }

        return fingerprint;
    }

    /// <summary>The object whose identity stands for <paramref name="value"/>'s content, for values that cannot change.</summary>
    private static object? ImmutableIdentity(object? value) => value switch
    {
        string text => text,
        HtmlString html => html.Value,
        _ => null,
    };

    private string StaticFileFingerprint(string outputPath) =>
        staticFiles.Value.TryGetValue(outputPath, out var file) ? StableHash.Of(file.Bytes) : "(absent)";

    private string TemplateFingerprint(string path) =>
        theme.Find(path) is { } found ? StableHash.Of(found.Layer.DisplayRoot + "\n" + StableHash.Of(found.Bytes)) : "(absent)";
}
