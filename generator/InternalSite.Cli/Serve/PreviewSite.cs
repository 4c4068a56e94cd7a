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

    private readonly ServedFiles served = new();
    private volatile IReadOnlyList<Diagnostic> errors = [];
    private int generation;
    private volatile BuildResult? lastBuild;

    // Completed with the running build's model once it is ready (with null when there is none, or no build runs).
    private volatile TaskCompletionSource<BodyEditPreview?> runningModel = Finished();

    public PreviewSite(LiveSource source, BuildOptions options)
    {
        this.source = source;
        this.options = options with { Incremental = state };
    }

    /// <summary>The files of the last successful build, by output path ("products/atlas/index.html").</summary>
    public IReadOnlyDictionary<string, byte[]> Files => served.Current;

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

    /// <summary>
    /// Applies the changed paths and rebuilds. One rebuild at a time: a caller that finds one running draws its body
    /// edits at once (see <see cref="DrawAheadOfRebuild"/>), then queues behind it.
    /// </summary>
    public PreviewUpdate Rebuild(IReadOnlyCollection<string> changed, bool rescan = false)
    {
        IReadOnlyCollection<string> drawnAhead = [];
        if (!building.TryEnter())
        {
            if (!rescan && changed.Count > 0)
            {
                drawnAhead = DrawAheadOfRebuild(changed);
            }

            building.Enter();
        }

        try
        {
            return RebuildNow(changed, rescan, drawnAhead);
        }
        finally
        {
            building.Exit();
        }
    }

    /// <summary>
    /// A save made while a rebuild runs would wait for it (a second or two on a large site). When it changed only page
    /// bodies, its pages are drawn against the last good model at once and served over every build until the rebuild
    /// that takes the save in (the one this caller queues for) replaces them. Returns the files drawn.
    /// </summary>
    private IReadOnlyCollection<string> DrawAheadOfRebuild(IReadOnlyCollection<string> changed)
    {
        var clock = Stopwatch.StartNew();
        var (saved, gone) = source.Peek(changed);
        // The running build may hold a front matter edit of the same page (a title, then the text): its model,
        // once ready, is the one the body edit is drawn against. Until then, the last good model may do.
        var edited = lastBuild?.BodyEdits?.TryRender(saved, gone);
        if (edited is null && runningModel.Task.Wait(TimeSpan.FromSeconds(10)) && runningModel.Task.Result is { } model)
        {
            edited = model.TryRender(saved, gone);
        }

        if (edited is null)
        {
            return [];
        }

        var shown = served.ShowAhead(edited);
        if (shown.Length > 0)
        {
            FirstPagesShown?.Invoke(new PreviewFirstPages(Volatile.Read(ref generation) + 1, shown, clock.Elapsed, FromLastModel: true));
        }

        return edited.Keys.ToArray();
    }

    private PreviewUpdate RebuildNow(IReadOnlyCollection<string> changed, bool rescan, IReadOnlyCollection<string> drawnAhead)
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

        var previous = served.LastGood;
        // This build takes in the saves drawn ahead by this caller: from now on they are its early pages.
        var shownFirst = new SortedSet<string>(served.TakeIn(drawnAhead), StringComparer.Ordinal);

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
        var model = new TaskCompletionSource<BodyEditPreview?>(TaskCreationOptions.RunContinuationsAsynchronously);
        runningModel = model;
        var first = new FirstPages(
            changed.Where(c => c.StartsWith(InternalSite.Content.SiteSource.ContentFolder, StringComparison.Ordinal)).ToArray(),
            OpenFiles?.Invoke() ?? [],
            early => Show(early, fromLastModel: false))
        {
            ModelReady = preview => model.TrySetResult(preview),
        };
        var sink = new SnapshotOutputSink(previous, "serve");
        var result = BuildSafely(sink, changed, first);
        model.TrySetResult(null);
        runningModel = Finished();
        IReadOnlyList<string> changedFiles = [];
        IReadOnlyList<string> reload = [];
        if (result.Succeeded)
        {
            var next = sink.Files.ToDictionary(StringComparer.Ordinal);
            changedFiles = ServedFiles.Differences(previous, next);
            reload = served.Succeeded(next, changedFiles, shownFirst);
            lastBuild = result;
            errors = [];
            BasePath = result.Site?.Config.BasePath ?? "/";
        }
        else
        {
            // The pages shown early belong to a build that failed: the last good site comes back whole (with the
            // pages drawn ahead of it for later saves, which the next build takes in).
            reload = served.Failed(shownFirst);
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

    /// <summary>Serves the pages rendered first in place of the version served now; returns those that changed.</summary>
    private IReadOnlyList<string> ShowFirst(IReadOnlyDictionary<string, byte[]> early, PreviewFirstPages announcement)
    {
        var changed = served.ShowEarly(early);
        if (changed.Length > 0)
        {
            FirstPagesShown?.Invoke(announcement with { Files = changed });
        }

        return changed;
    }

    private static TaskCompletionSource<BodyEditPreview?> Finished()
    {
        var done = new TaskCompletionSource<BodyEditPreview?>();
        done.SetResult(null);
        return done;
    }
}
