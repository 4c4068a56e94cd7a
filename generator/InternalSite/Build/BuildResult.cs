using InternalSite.Diagnostics;
using InternalSite.Model;

namespace InternalSite.Build;

public sealed record BuildResult(SiteModel? Site, IReadOnlyList<Diagnostic> Diagnostics, BuildStatistics Statistics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>For a live preview (<see cref="BuildOptions.FirstPages"/>): draws body edits against this build's model.</summary>
    public BodyEditPreview? BodyEdits { get; init; }

    /// <summary>
    /// With <see cref="BuildOptions.DeferCacheSave"/>: takes the build into the incremental state and writes the cache
    /// file; the caller must call it before the next build of the site (later calls do nothing, as does a call when
    /// nothing was left pending).
    /// </summary>
    public Action FinishCacheSave { get; init; } = () => { };
}

public sealed record BuildStatistics(IReadOnlyDictionary<string, int> PagesByKind, int FilesEmitted, TimeSpan Elapsed)
{
    /// <summary>Time spent in each stage and output, in the order they ran (shown by <c>build --timings</c>).</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];

    public static readonly BuildStatistics Empty = new(new Dictionary<string, int>(), 0, TimeSpan.Zero);
}
