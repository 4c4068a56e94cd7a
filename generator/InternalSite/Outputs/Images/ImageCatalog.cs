using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using InternalSite.Markdown.Images;
using InternalSite.Model;
using SkiaSharp;

namespace InternalSite.Outputs.Images;

/// <summary>
/// Every image under content/ and its variants, made (or taken from the cache) before markdown renders, so each page's
/// HTML can carry srcset and the intrinsic size. The markdown stage and the variant output share one catalog per build.
/// </summary>
public sealed class ImageCatalog : IResponsiveImageSource
{
    /// <summary>Bump when the way variants are made changes, so old cache entries are not reused.</summary>
    private const string VariantVersion = "variant-v1";

    private static readonly ConditionalWeakTable<IReadOnlyList<StaticFile>, ImageCatalog> PerBuild = new();

    private readonly Dictionary<string, ImageEntry> byOutputPath;
    private readonly ConcurrentDictionary<string, bool> referencedAsImage = new(StringComparer.Ordinal);
    private readonly string basePath;

    private ImageCatalog(IEnumerable<ImageEntry> entries, ImageOptions options, string basePath, ImageCache cache)
    {
        byOutputPath = entries.ToDictionary(e => e.File.OutputPath, StringComparer.Ordinal);
        Options = options;
        Cache = cache;
        this.basePath = basePath;
    }

    public ImageOptions Options { get; }

    public ImageCache Cache { get; }

    public string Sizes => Options.Sizes;

    public IEnumerable<ImageEntry> Entries => byOutputPath.Values.OrderBy(e => e.File.OutputPath, StringComparer.Ordinal);

    public ImageEntry? Get(string outputPath) => byOutputPath.GetValueOrDefault(outputPath);

    /// <summary>Whether a page showed the file as an image (not just linked to it); problems are reported only then.</summary>
    public bool IsReferencedAsImage(string outputPath) => referencedAsImage.ContainsKey(outputPath);

    /// <summary>The catalog of a build's static files, made once and shared by the markdown stage and the outputs.</summary>
    public static ImageCatalog For(IReadOnlyList<StaticFile> files, ImageOptions options, string basePath)
    {
        if (PerBuild.TryGetValue(files, out var existing) && existing.Options == options && existing.basePath == basePath)
        {
            return existing;
        }

        var catalog = Build(files, options, basePath);
        PerBuild.AddOrUpdate(files, catalog);
        return catalog;
    }

    public ResponsiveImage? Find(string url)
    {
        if (!url.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var path = url[basePath.Length..];
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        referencedAsImage.TryAdd(path, true);
        if (byOutputPath.GetValueOrDefault(path) is not { Problem: null } entry)
        {
            return null;
        }

        var original = entry.Variants.Where(v => v.Format == ImageFormats.VariantFormat(entry.Format) && v.Width < entry.Width)
            .Select(v => Candidate(v.OutputPath, v.Width)).Append(Candidate(entry.File.OutputPath, entry.Width)).ToList();
        var webp = entry.Format == SKEncodedImageFormat.Webp
            ? []
            : entry.Variants.Where(v => v.Format == SKEncodedImageFormat.Webp).Select(v => Candidate(v.OutputPath, v.Width)).ToList();
        return new ResponsiveImage(entry.Width, entry.Height, original, webp);
    }

    /// <summary>The bytes of a variant: kept in memory, else from the cache, else (cache deleted mid-build) made again.</summary>
    public byte[] BytesOf(ImageEntry entry, ImageVariant variant)
    {
        if (variant.Bytes is { } bytes)
        {
            return bytes;
        }

        if (Cache.TryRead("images", variant.CacheKey, ImageFormats.Extension(variant.Format)) is { } cached)
        {
            return cached;
        }

        Process(entry, Cache, Options, keepBytes: true);
        return variant.Bytes ?? throw new InvalidOperationException($"the variant {variant.OutputPath} could not be made again");
    }

    private ImageCandidate Candidate(string outputPath, int width) => new(basePath + outputPath, width);

    private static ImageCatalog Build(IReadOnlyList<StaticFile> files, ImageOptions options, string basePath)
    {
        var cache = new ImageCache(options.CacheFolder, options.WriteCache);
        var taken = files.Select(f => f.OutputPath).ToHashSet(StringComparer.Ordinal);
        var candidates = files.Where(f => IsRaster(f.OutputPath)).ToArray();
        var entries = new ImageEntry?[candidates.Length];
        Parallel.For(0, candidates.Length, i => entries[i] = Catalog(candidates[i], options, cache, taken));
        return new ImageCatalog(entries.OfType<ImageEntry>(), options, basePath, cache);
    }

    internal static bool IsRaster(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return ImageFormats.Resized.Contains(extension) || ImageFormats.NotSupported.Contains(extension);
    }

    private static ImageEntry Catalog(StaticFile file, ImageOptions options, ImageCache cache, IReadOnlySet<string> taken)
    {
        var extension = Path.GetExtension(file.OutputPath).ToLowerInvariant();
        if (ImageFormats.NotSupported.Contains(extension))
        {
            return ImageEntry.Failed(file, new ImageProblem(false,
                $"is a {extension.TrimStart('.').ToUpperInvariant()} image, which the build does not resize (expected jpg, png, webp or gif)"));
        }

        using var data = SKData.CreateCopy(file.Bytes);
        using var codec = data is null ? null : SKCodec.Create(data);
        if (codec is null)
        {
            return ImageEntry.Failed(file, new ImageProblem(true,
                $"is not a readable image: its bytes are not a valid JPEG, PNG, WebP or GIF (expected an image file; is it corrupt or misnamed?)"));
        }

        var (width, height) = ImageProcessor.UprightSize(codec);
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp or SKEncodedImageFormat.Gif))
        {
            return ImageEntry.Failed(file, new ImageProblem(false,
                $"holds {ImageFormats.Name(codec.EncodedFormat)} data, which the build does not resize (expected jpg, png, webp or gif)"));
        }

        // An animated GIF or WebP would lose its animation when resized: it keeps its size attributes, not variants.
        var variants = codec.FrameCount > 1 ? [] : PlanVariants(file, codec.EncodedFormat, width, height, options, taken);
        var entry = new ImageEntry(file, width, height, codec.EncodedFormat, variants, null);
        if (variants.Count == 0)
        {
            return entry;
        }

        if (cache.IsEnabled && variants.All(v => cache.Contains("images", v.CacheKey, ImageFormats.Extension(v.Format))))
        {
            options.Work?.ImageFromCache();
            return entry;
        }

        return Process(entry, cache, options, keepBytes: !cache.IsEnabled || !cache.IsWritable);
    }

    private static List<ImageVariant> PlanVariants(
        StaticFile file, SKEncodedImageFormat format, int width, int height, ImageOptions options, IReadOnlySet<string> taken)
    {
        var sourceHash = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        var own = ImageFormats.VariantFormat(format);
        var variants = new List<ImageVariant>();
        foreach (var w in options.Widths.Where(w => w > 0 && w < width).Distinct().Order())
        {
            var h = Math.Max(1, (int)Math.Round(height * (double)w / width, MidpointRounding.AwayFromZero));
            Add(w, h, own, w);
            if (own != SKEncodedImageFormat.Webp)
            {
                Add(w, h, SKEncodedImageFormat.Webp, w);
            }
        }

        if (format != SKEncodedImageFormat.Webp)
        {
            Add(width, height, SKEncodedImageFormat.Webp, null);
        }

        return variants;

        void Add(int w, int h, SKEncodedImageFormat f, int? suffix)
        {
            var path = ImageVariantPaths.Of(file.OutputPath, suffix, ImageFormats.Extension(f));
            if (!taken.Contains(path))
            {
                var key = ImageCache.Key(VariantVersion, sourceHash, w, h, f.ToString(), options.VariantSettings);
                variants.Add(new ImageVariant(path, w, h, f, key));
            }
        }
    }

    /// <summary>Decodes the source once and makes every variant, storing each in the cache (or in memory without one).</summary>
    private static ImageEntry Process(ImageEntry entry, ImageCache cache, ImageOptions options, bool keepBytes)
    {
        using var data = SKData.CreateCopy(entry.File.Bytes);
        using var codec = SKCodec.Create(data);
        string? problem = "could not be decoded";
        using var bitmap = codec is null ? null : ImageProcessor.Decode(codec, out problem);
        if (bitmap is null)
        {
            return entry with { Variants = [], Problem = new ImageProblem(true, $"{problem} (expected a complete {ImageFormats.Name(entry.Format)} file)") };
        }

        var photo = entry.Format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp;
        foreach (var size in entry.Variants.GroupBy(v => (v.Width, v.Height)))
        {
            using var resized = size.Key.Width == bitmap.Width && size.Key.Height == bitmap.Height ? null : ImageProcessor.Resize(bitmap, size.Key.Width, size.Key.Height);
            foreach (var variant in size)
            {
                var bytes = ImageProcessor.Encode(resized ?? bitmap, variant.Format, photo, options.PhotoQuality);
                cache.Write("images", variant.CacheKey, ImageFormats.Extension(variant.Format), bytes);
                if (keepBytes || !cache.IsEnabled || !cache.IsWritable)
                {
                    variant.Bytes = bytes;
                }
            }
        }

        options.Work?.ImageProcessed();
        return entry;
    }
}
