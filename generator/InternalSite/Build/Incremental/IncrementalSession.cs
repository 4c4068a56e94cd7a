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

    // Per dependency of the last build: the index of the pseudo dependency that vouches for it (its page's source when
    // the member is made from that alone, its product's pages when made from those), Vouching for a pseudo dependency
    // itself, SameWhileGlobalKey for a member the global key decides, else -1 (checked on its own). Each is worked out
    // when first asked for, by the thread that asks: working all out before the first check held up every thread.
    private readonly int[] vouchers;
    private readonly Lazy<PseudoDependencies> pseudoDependencies;
    private const int NotWorkedOut = int.MinValue;
    private const int Vouching = -2;
    private const int SameWhileGlobalKey = -3;
    private readonly ConcurrentDictionary<Page, SourceFingerprint> pageSources = new(ReferenceEqualityComparer.Instance);
    private readonly Lazy<Dictionary<string, List<Page>>> productPages;
    private readonly ConcurrentDictionary<string, string> productPagesFingerprints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<object, string> sharedFingerprints = new(ReferenceEqualityComparer.Instance);
    private readonly ThreadLocal<TemplateContext> readers = new(() => new TemplateContext());
    private readonly ConcurrentDictionary<(Type Type, string Member), Func<object, object?>?> getters = new();
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
        vouchers = new int[previous.DependencyKeys.Length];
        Array.Fill(vouchers, NotWorkedOut);
        pseudoDependencies = new(() => PseudoDependencies.Of(previous.DependencyKeys));
        productPages = new(() => ProductPagesMembers.Group(site.Pages));
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

        foreach (var read in record.Reads)
        {
            // A page's source (or its product's pages) is read only beside members made from it, which are checked themselves.
            if (VoucherOf(read) != Vouching && !Unchanged(read))
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

        if (SourceOf(page) is not { } fingerprint)
        {
            return false;
        }

        current.TryAdd(key, fingerprint);
        return true;
    }

    /// <summary>Records the fingerprint of the pages of the product <paramref name="slug"/>; false when there is none to record.</summary>
    public bool RememberProductPages(DependencyKey key, string slug)
    {
        if (current.ContainsKey(key))
        {
            return true;
        }

        if (ProductPagesFingerprint(slug) is not { } fingerprint)
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
        if (known == 0 && VoucherOf(dependency) is var voucher and (>= 0 or SameWhileGlobalKey)
            && (voucher == SameWhileGlobalKey || Unchanged(voucher)))
        {
            // Made from the page's own source alone (see PageSourceMembers), or from its product's pages alone (see
            // ProductPagesMembers), which are unchanged, or decided by the global key: so is this member.
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
        VoucherOf(dependency) != Vouching || Volatile.Read(ref validity[dependency]) == 1;

    private int VoucherOf(int dependency)
    {
        var voucher = Volatile.Read(ref vouchers[dependency]);
        if (voucher == NotWorkedOut)
        {
            // Threads that work out the same one at once find the same answer.
            voucher = WorkOutVoucher(previous.DependencyKeys[dependency], pseudoDependencies.Value);
            Volatile.Write(ref vouchers[dependency], voucher);
        }

        return voucher;
    }

    private int WorkOutVoucher(DependencyKey key, PseudoDependencies pseudo) =>
        key.Member is PageSourceMembers.Member or ProductPagesMembers.Member ? Vouching
        : DecidedByGlobalKey.Contains(key.Member) && key.Owner.StartsWith(ValueFingerprint.PageKeyPrefix, StringComparison.Ordinal) ? SameWhileGlobalKey
        : PageSourceMembers.IsFromOwnSource(key.Member) && pseudo.Sources.TryGetValue(key.Owner, out var source) ? source
        : ProductPagesVoucher(key, pseudo.Products);

    /// <summary>Where the last build's table holds each page's source (by page key) and each product's pages (by owner).</summary>
    private sealed record PseudoDependencies(Dictionary<string, int> Sources, Dictionary<string, int> Products)
    {
        public static PseudoDependencies Of(DependencyKey[] keys)
        {
            var sources = new Dictionary<string, int>(StringComparer.Ordinal);
            var products = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i].Member == PageSourceMembers.Member)
                {
                    sources[keys[i].Owner] = i;
                }
                else if (keys[i].Member == ProductPagesMembers.Member)
                {
                    products[keys[i].Owner] = i;
                }
            }

            return new PseudoDependencies(sources, products);
        }
    }

    // Page members the global key decides, which lists every page's kind and route and holds the config: a page is
    // recorded by its route, and its navigation is made from the config's links and its route alone (see NavItems.Assign).
    private static readonly HashSet<string> DecidedByGlobalKey = new(["route", "kind", "kind_name", "nav_items"], StringComparer.Ordinal);

    /// <summary>
    /// The product pages' dependency that vouches for <paramref name="key"/>, by the product the page belongs to now: if
    /// that product's pages are the same (sources and membership), the page was among them last build, with this source.
    /// </summary>
    private int ProductPagesVoucher(DependencyKey key, Dictionary<string, int> products) =>
        products.Count > 0 && ProductPagesMembers.MayCover(key.Member) && pagesByKey.GetValueOrDefault(key.Owner) is { } page
            && ProductPagesMembers.ProductOf(page, key.Member) is { } slug
            && products.TryGetValue(ProductPagesMembers.KeyOf(slug).Owner, out var voucher)
            ? voucher
            : -1;

    /// <summary>The fingerprint of <paramref name="page"/>'s source, made once per build; null when it cannot be told.</summary>
    private string? SourceOf(Page page) =>
        pageSources.GetOrAdd(page, static (p, session) => new SourceFingerprint(PageSourceMembers.Fingerprint(p, session.previous)), this).Value;

    private string? ProductPagesFingerprint(string slug)
    {
        if (productPagesFingerprints.TryGetValue(slug, out var known))
        {
            return known.Length == 0 ? null : known;
        }

        var members = productPages.Value.GetValueOrDefault(slug) ?? [];
        var fingerprint = ProductPagesMembers.Fingerprint(slug, members, SourceOf) ?? string.Empty;
        productPagesFingerprints.TryAdd(slug, fingerprint);
        return fingerprint.Length == 0 ? null : fingerprint;
    }

    private sealed record SourceFingerprint(string? Value);

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

        if (key.Member == ProductPagesMembers.Member && key.Owner.StartsWith(ProductPagesMembers.OwnerPrefix, StringComparison.Ordinal))
        {
            // Pages this build cannot tell the sources of must never match a recorded fingerprint.
            return ProductPagesFingerprint(key.Owner[ProductPagesMembers.OwnerPrefix.Length..]) ?? "(unknown) " + Guid.NewGuid().ToString("N");
        }

        object? owner = key.Owner == DependencyKey.SiteOwner ? Site : pagesByKey.GetValueOrDefault(key.Owner);
        if (owner is null)
        {
            return "(gone)";
        }

        if (key.Member == PageSourceMembers.Member)
        {
            // A source this build cannot tell must never match a recorded one.
            return owner is Page sourced && SourceOf(sourced) is { } sourceFingerprint
                ? sourceFingerprint
                : "(unknown) " + Guid.NewGuid().ToString("N");
        }

        if (owner is Page page && TrackedPageFunctions.TryCall(Site, page, key.Member, out var computed))
        {
            return ValueFingerprint.Of(computed);
        }

        if (!TryRead(owner, key.Member, out var value))
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

    /// <summary>
    /// Reads a member the way the template did, through Scriban's own accessor (same member names), by the getter
    /// compiled for it once per type and member: asking Scriban for an accessor on every check costs more than the read.
    /// </summary>
    private bool TryRead(object owner, string member, out object? value)
    {
        var getter = getters.GetOrAdd((owner.GetType(), member), static (_, state) =>
            CompiledMemberAccessor.GetterOf(state.Session.readers.Value!, state.Owner, state.Member), (Session: this, Owner: owner, Member: member));
        if (getter is not null)
        {
            value = getter(owner);
            return true;
        }

        var reader = readers.Value!;
        var accessor = CompiledMemberAccessor.For(reader, owner, reader.GetMemberAccessor(owner));
        return accessor.TryGetValue(reader, default, owner, member, out value);
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
