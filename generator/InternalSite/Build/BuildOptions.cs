using InternalSite.Outputs;
using InternalSite.Outputs.Images;
using NodaTime;

namespace InternalSite.Build;

public sealed record BuildOptions
{
    /// <summary>Publish pages with <c>draft: true</c>.</summary>
    public bool Drafts { get; init; }

    /// <summary>Publish pages dated after the build time.</summary>
    public bool Future { get; init; }

    /// <summary>Overrides <c>baseUrl</c> from the config, e.g. for a preview deployment.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The moment the build treats as now; defaults to the clock. Fixed in tests and reproducible builds.</summary>
    public Instant? Now { get; init; }

    /// <summary>The outputs to run; <see cref="OutputRegistry.Default"/> when null.</summary>
    public IReadOnlyList<ISiteOutput>? Outputs { get; init; }

    /// <summary>Image variants, social cards and their cache (see docs/images.md).</summary>
    public ImageOptions Images { get; init; } = ImageOptions.Default;

    /// <summary>
    /// The memory of the last build, for an incremental build: unchanged markdown is not rendered again and unchanged
    /// output files are carried over when the sink can keep them (<see cref="Incremental.IReusingOutputSink"/>).
    /// Updated by the build. Null: a full build.
    /// </summary>
    public Incremental.IncrementalState? Incremental { get; init; }

    /// <summary>
    /// For <see cref="SiteBuilder.BuildToFolder"/>: a folder to load <see cref="Incremental"/> from and save it to
    /// between runs, e.g. <c>&lt;site&gt;/.internalsite-cache/</c>. Null: no on-disk cache.
    /// </summary>
    public string? CacheFolder { get; init; }

    /// <summary>
    /// For <see cref="SiteBuilder.BuildToFolder"/> with a <see cref="CacheFolder"/>: return once the output is in place
    /// and leave taking the build into <see cref="Incremental"/> and writing the cache file to the caller
    /// (<see cref="BuildResult.FinishCacheSave"/>), so a build server can answer first. Until it is finished, the state
    /// must not be built from and the folder holds no cache to trust (the next build from it is a full one).
    /// </summary>
    public bool DeferCacheSave { get; init; }

    /// <summary>Pages to render and hand over as soon as the model is ready, before the other outputs (live preview).</summary>
    public FirstPages? FirstPages { get; init; }
}
