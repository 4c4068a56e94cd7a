using System.Diagnostics;
using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Diagnostics;

namespace InternalSite.Cli.Serve;

/// <summary>What one rebuild did, for the log line and for the browsers.</summary>
public sealed record PreviewUpdate(
    int Generation, bool Succeeded, IReadOnlyList<string> ChangedFiles, IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Elapsed, int Rendered, int Kept, IReadOnlyCollection<string> Trigger)
{
    /// <summary>How long each stage of the build took (empty when it crashed), for <c>serve --timings</c>.</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];

    /// <summary>
    /// The files open tabs should reload now: those that differ from what was served just before this update. Pages
    /// shown early (<see cref="PreviewFirstPages"/>) are not in it again; after a failed build it holds the early pages
    /// that were taken back.
    /// </summary>
    public IReadOnlyList<string> Reload { get; init; } = [];

    /// <summary>When the pages shown first went out, if any were.</summary>
    public TimeSpan? FirstShownAfter { get; init; }

    /// <summary>Garbage collection during the rebuild: time paused and collections per generation, for <c>--timings</c>.</summary>
    public GarbageCollections Collections { get; init; }
}

/// <summary>Garbage collection over a span of time, from the runtime's process-wide counters.</summary>
public readonly record struct GarbageCollections(TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static GarbageCollections Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public GarbageCollections Since(GarbageCollections start) => new(Paused - start.Paused, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2);
}

/// <summary>Pages rendered and served before the rest of a rebuild finished (the saved page, the pages open in tabs).</summary>
/// <param name="FromLastModel">Drawn against the last build's model because only page bodies changed (no rebuild needed yet).</param>
public sealed record PreviewFirstPages(int Generation, IReadOnlyList<string> Files, TimeSpan Elapsed, bool FromLastModel);

/// <summary>
/// The site as the preview server shows it: rebuilt incrementally in memory after every change, switched to the new
/// files only when a build succeeds, so a content error never takes down the last good site.
/// </summary>
public sealed class PreviewSite
{
    private readonly LiveSource source;
    private readonly BuildOptions options;
    private readonly IncrementalState state = new();
    private readonly Lock building = new();
    private volatile IReadOnlyDictionary<string, byte[]> files = new Dictionary<string, byte[]>();
    private volatile IReadOnlyList<Diagnostic> errors = [];
    private int generation;
    private BuildResult? lastBuild;

    public PreviewSite(LiveSource source, BuildOptions options)
    {
        this.source = source;
        this.options = options with { Incremental = state };
    }

    /// <summary>The files of the last successful build, by output path ("products/atlas/index.html").</summary>
    public IReadOnlyDictionary<string, byte[]> Files => files;

    /// <summary>The errors of the last build when it failed; empty when the site shown is current.</summary>
    public IReadOnlyList<Diagnostic> Errors => errors;

    /// <summary>The URL path the site lives under, from its base URL ("/" or e.g. "/tools/").</summary>
    public string BasePath { get; private set; } = "/";

    public int Generation => generation;

    public event Action<PreviewUpdate>? Updated;

    /// <summary>Raised during a rebuild when the saved pages or the pages open in tabs are served ahead of the rest.</summary>
    public event Action<PreviewFirstPages>? FirstPagesShown;

    /// <summary>The output files open tabs show ("products/atlas/index.html"); the server fills it in.</summary>
    public Func<IReadOnlyCollection<string>>? OpenFiles { get; set; }

    /// <summary>
    /// A crash of the generator must not stop the preview: it becomes an error like any other, shown in the browser,
    /// and the next save tries again.
    /// </summary>
    private BuildResult BuildSafely(SnapshotOutputSink sink, IReadOnlyCollection<string> changed, FirstPages? first)
    {
        try
        {
            return SiteBuilder.Build(source.Snapshot(), options with { FirstPages = first }, sink);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var inner = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : e;
            var at = SourceLocation.StartOf(changed.FirstOrDefault() ?? InternalSite.Content.SiteSource.ConfigFileName);
            var crash = new Diagnostic(Severity.Error, at, DiagnosticCodes.Output,
                $"the generator failed while building after this change: {inner.GetType().Name}: {inner.Message}");
            return new BuildResult(null, [crash], BuildStatistics.Empty);
        }
    }

    /// <summary>Applies the changed paths and rebuilds. One rebuild at a time; callers queue behind the lock.</summary>
    public PreviewUpdate Rebuild(IReadOnlyCollection<string> changed, bool rescan = false)
    {
        lock (building)
        {
            var clock = Stopwatch.StartNew();
            var collections = GarbageCollections.Now();
            if (rescan)
            {
                source.Reload();
            }
            else
            {
                source.Apply(changed);
            }

            var previous = files;
            var shownFirst = new SortedSet<string>(StringComparer.Ordinal);
            TimeSpan? shownAfter = null;
            void Show(IReadOnlyDictionary<string, byte[]> early, bool fromLastModel)
            {
                var shown = ShowFirst(early, new PreviewFirstPages(generation + 1, [], clock.Elapsed, fromLastModel));
                shownFirst.UnionWith(shown);
                shownAfter ??= shown.Count > 0 ? clock.Elapsed : null;
            }

            // A body edit is drawn against the last model at once; the rebuild then draws the open tabs' pages first.
            if (!rescan && changed.Count > 0 && lastBuild?.BodyEdits is { } bodyEdits)
            {
                var (saved, gone) = source.Current(changed);
                if (bodyEdits.TryRender(saved, gone) is { } edited)
                {
                    Show(edited, fromLastModel: true);
                }
            }

            // Always asked for, even with nothing to draw first: a preview build is what offers body edits to the next one.
            var first = new FirstPages(
                changed.Where(c => c.StartsWith(InternalSite.Content.SiteSource.ContentFolder, StringComparison.Ordinal)).ToArray(),
                OpenFiles?.Invoke() ?? [],
                early => Show(early, fromLastModel: false));
            var sink = new SnapshotOutputSink(previous, "serve");
            var result = BuildSafely(sink, changed, first);
            IReadOnlyList<string> changedFiles = [];
            IReadOnlyList<string> reload = [];
            if (result.Succeeded)
            {
                var next = sink.Files.ToDictionary(StringComparer.Ordinal);
                changedFiles = Differences(previous, next);
                // Only the pages shown early differ between what is served and the last build; the rest are compared once.
                var served = files;
                reload = shownFirst.Count == 0 ? changedFiles : changedFiles.Union(shownFirst)
                    .Where(f => !next.TryGetValue(f, out var rebuilt) || Changed(served, f, rebuilt))
                    .Order(StringComparer.Ordinal).ToArray();
                files = next;
                lastBuild = result;
                errors = [];
                BasePath = result.Site?.Config.BasePath ?? "/";
            }
            else
            {
                // The pages shown early belong to a build that failed: the last good site comes back whole.
                files = previous;
                reload = shownFirst.ToArray();
                errors = result.Errors.ToArray();
            }

            var update = new PreviewUpdate(Interlocked.Increment(ref generation), result.Succeeded, changedFiles, result.Diagnostics,
                clock.Elapsed, state.LastRendered.Count, state.LastKept, changed)
            {
                Stages = result.Statistics.Stages, Reload = reload, FirstShownAfter = shownAfter,
                Collections = GarbageCollections.Now().Since(collections),
            };
            Updated?.Invoke(update);

            // The rebuild's leftovers are collected now, while the writer reads the page, rather than during the
            // next save: a young-generation collection of this large heap pauses 100-150 ms, which used to fall on
            // the way to the next page shown first (measured: first page after a title edit 218-356 -> 193-238 ms).
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            return update;
        }
    }

    /// <summary>Serves the pages rendered first in place of the version served now; returns those that changed.</summary>
    private IReadOnlyList<string> ShowFirst(IReadOnlyDictionary<string, byte[]> early, PreviewFirstPages announcement)
    {
        var served = files;
        var changed = early.Where(f => Changed(served, f.Key, f.Value))
            .Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
        if (changed.Length == 0)
        {
            return [];
        }

        var shown = new Dictionary<string, byte[]>(served, StringComparer.Ordinal);
        foreach (var file in changed)
        {
            shown[file] = early[file];
        }

        files = shown;
        FirstPagesShown?.Invoke(announcement with { Files = changed });
        return changed;
    }

    private static string[] Differences(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after) =>
        after.Where(f => Changed(before, f.Key, f.Value))
            .Select(f => f.Key).Concat(before.Keys.Where(k => !after.ContainsKey(k))).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="bytes"/> differ from the file at <paramref name="path"/> in <paramref name="files"/> (or it is not there).</summary>
    private static bool Changed(IReadOnlyDictionary<string, byte[]> files, string path, byte[] bytes) =>
        !files.TryGetValue(path, out var old) || !ReferenceEquals(old, bytes) && !old.AsSpan().SequenceEqual(bytes);
}
