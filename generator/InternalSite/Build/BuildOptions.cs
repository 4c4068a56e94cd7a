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
}
