namespace InternalSite.Outputs.Images;

/// <summary>How a build treats images: which variants it makes, whether it draws social cards, and where it caches.</summary>
public sealed record ImageOptions
{
    /// <summary>The cache folder's name inside a site folder; git-ignored and safe to delete.</summary>
    public const string DefaultCacheFolderName = ".internalsite-cache";

    public static readonly ImageOptions Default = new();

    /// <summary>
    /// Where processed images and cards are kept between builds. Null means: <c>&lt;site&gt;/.internalsite-cache/</c> for a
    /// site read from a folder, and no disk cache at all for a site held in memory (nothing is written anywhere).
    /// </summary>
    public string? CacheFolder { get; init; }

    /// <summary>False for builds that must write nothing (<c>check</c>): the cache is read but never written.</summary>
    public bool WriteCache { get; init; } = true;

    /// <summary>Draw a 1200×630 social card for every page (<c>--no-social-cards</c> turns it off).</summary>
    public bool SocialCards { get; init; } = true;

    /// <summary>Widths of the resized variants; a variant is made only when narrower than the original (never upscaled).</summary>
    public IReadOnlyList<int> Widths { get; init; } = [480, 960, 1600];

    /// <summary>The <c>sizes</c> attribute of a responsive image: the default theme's text column is at most 46rem wide.</summary>
    public string Sizes { get; init; } = "(min-width: 49rem) 46rem, calc(100vw - 2.5rem)";

    /// <summary>Quality of JPEG variants and of lossy WebP variants of photos, 0–100.</summary>
    public int PhotoQuality { get; init; } = 80;

    /// <summary>When set, every image and card processed or taken from the cache is counted here (tests, benchmarks).</summary>
    public ImageWork? Work { get; init; }

    /// <summary>The cache folder this build uses: the one given, else one inside the site folder, else none.</summary>
    public ImageOptions ResolveCache(string? siteRoot) =>
        CacheFolder is not null || siteRoot is null ? this : this with { CacheFolder = Path.Combine(siteRoot, DefaultCacheFolderName) };

    /// <summary>The settings that change the bytes of a variant: part of every cache key, so changing them re-renders.</summary>
    internal string VariantSettings => $"w={string.Join(',', Widths)};q={PhotoQuality}";
}
