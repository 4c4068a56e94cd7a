using System.Collections.Concurrent;
using InternalSite.Diagnostics;
using InternalSite.Markdown;

namespace InternalSite.Build.Incremental;

/// <summary>
/// What one build leaves for the next: rendered markdown per source file, and for each output file what its render
/// read. Kept in memory by <c>serve</c> and on disk (see <see cref="CacheFile"/>) by <c>build</c>. It only ever
/// describes the last successful output, so a failed build leaves it as it was (apart from markdown entries, which
/// are pure functions of their key and always safe to keep).
/// </summary>
public sealed class IncrementalState
{
    internal ConcurrentDictionary<string, MarkdownCacheEntry> Markdown { get; } = new(StringComparer.Ordinal);

    /// <summary>What each markdown cache file held when loaded or last saved (null: unknown, so it is written).</summary>
    internal MarkdownCacheFiles.LoadedBucket?[]? LoadedMarkdownBuckets { get; set; }

    /// <summary>The output the records describe (an output folder, or a name for an in-memory snapshot).</summary>
    internal string OutputIdentity { get; set; } = string.Empty;

    /// <summary>Everything every output depends on: tool version, config, options, build date, the set of pages.</summary>
    internal string GlobalKey { get; set; } = string.Empty;

    /// <summary>Every distinct thing the outputs read, and its fingerprint then; records refer to it by index.</summary>
    internal DependencyKey[] DependencyKeys { get; set; } = [];

    internal FingerprintTable DependencyFingerprints { get; set; } = FingerprintTable.Empty;

    internal Dictionary<string, OutputRecord> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Files written by code rather than templates (feeds, search index chunks) with a fingerprint of everything their
    /// bytes are made from: an equal fingerprint keeps the last build's file without producing it again.
    /// </summary>
    internal Dictionary<string, FingerprintedFile> Fingerprinted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the output folder held after the last commit, so the next one lists only the folders changed since.</summary>
    internal OutputFolderSweep.OutputListing? OutputListing { get; set; }

    /// <summary>What the last build's search index was made of (see <see cref="Outputs.Search.SearchIndexState"/>); saved in a file of its own.</summary>
    internal Outputs.Search.SearchIndexState? SearchIndex { get; set; }

    /// <summary>The search index state as loaded or last saved, so an unchanged one is not written again.</summary>
    internal Outputs.Search.SearchIndexState? LoadedSearchIndex { get; set; }

    /// <summary>
    /// Intermediate results kept in memory only, between the builds of one process (<c>serve</c>): parsed pages,
    /// absolute feed HTML. Each is a pure function of its key, so any entry is always safe to reuse.
    /// </summary>
    internal MemoryCaches Memory { get; } = new();

    /// <summary>The files the last successful build rendered through templates (the others it kept or wrote directly).</summary>
    public IReadOnlyList<string> LastRendered { get; internal set; } = [];

    /// <summary>How many files the last successful build carried over without rendering them.</summary>
    public int LastKept { get; internal set; }

    /// <summary>Forgets which outputs exist, e.g. when the output they describe was replaced by someone else.</summary>
    public void ForgetOutputs()
    {
        Outputs = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        Fingerprinted = new Dictionary<string, FingerprintedFile>(StringComparer.Ordinal);
        DependencyKeys = [];
        DependencyFingerprints = FingerprintTable.Empty;
        GlobalKey = string.Empty;
        OutputListing = null;
    }

    /// <summary>The default cache folder of a site: beside its content, git-ignored, safe to delete.</summary>
    public static string DefaultFolder(string siteRoot) => Path.Combine(Path.GetFullPath(siteRoot), ".internalsite-cache");
}

/// <summary>A rendered markdown body and the diagnostics rendering it produced, valid while <see cref="Key"/> matches.</summary>
internal sealed record MarkdownCacheEntry(string Key, RenderedMarkdown Rendered, IReadOnlyList<Diagnostic> Diagnostics)
{
    private CachedSearchTerms? search;
    private Func<CachedSearchTerms>? searchDecoder;

    /// <summary>
    /// The search index's terms of the page this body belongs to, once tokenized: they are made from the body's text
    /// sections and a few short fields of the page (named by <see cref="CachedSearchTerms.Key"/>). Terms read from
    /// the cache file are decoded on first use: a build that re-indexes few pages needs few of them.
    /// </summary>
    public CachedSearchTerms? Search
    {
        get
        {
            if (Volatile.Read(ref searchDecoder) is { } decoder)
            {
                search = decoder();
                searchDecoder = null;
            }

            return search;
        }

        set
        {
            search = value;
            searchDecoder = null;
            SearchVersion++;
        }
    }

    /// <summary>Counts assignments of <see cref="Search"/>, so a cache file is rewritten only when an entry's terms were replaced.</summary>
    public int SearchVersion { get; private set; }

    /// <summary>Makes <see cref="Search"/> on first read, for terms loaded from the cache file.</summary>
    internal Func<CachedSearchTerms> SearchDecoder
    {
        init => searchDecoder = value;
    }
}

/// <summary>
/// One page's contribution to the search index: each distinct term with its weight and section, valid for the text
/// sections of the markdown entry that holds it and the page fields hashed into <see cref="Key"/>.
/// </summary>
internal sealed record CachedSearchTerms(string Key, string[] Terms, byte[] Weights, int[] Sections);

/// <summary>An output file of the last build: its size (to notice a file changed behind our back) and what it read.</summary>
internal sealed record OutputRecord(long Length, int[] Reads);

/// <summary>A file written by code, kept while <see cref="Fingerprint"/> (of all its inputs) is unchanged.</summary>
internal sealed record FingerprintedFile(string Fingerprint, long Length);
