using SkiaSharp;

namespace InternalSite.Outputs.Images;

/// <summary>Which files are images the build resizes, and how each format is written back.</summary>
public static class ImageFormats
{
    /// <summary>Raster formats the build decodes and resizes.</summary>
    public static readonly IReadOnlySet<string> Resized = new HashSet<string>(StringComparer.Ordinal) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    /// <summary>Raster formats writers may use that the build cannot resize: referenced as an image, they get a warning.</summary>
    public static readonly IReadOnlySet<string> NotSupported = new HashSet<string>(StringComparer.Ordinal)
    {
        ".bmp", ".tif", ".tiff", ".avif", ".heic", ".heif", ".ico", ".jxl",
    };

    public static string Extension(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ".jpg",
        SKEncodedImageFormat.Webp => ".webp",
        _ => ".png",
    };

    public static string MediaType(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => "image/png",
    };

    /// <summary>
    /// The format resized variants keep "the original format" in. Skia cannot write GIF, so a still GIF's variants are
    /// PNG (lossless, like GIF); everything else keeps its own format.
    /// </summary>
    public static SKEncodedImageFormat VariantFormat(SKEncodedImageFormat source) => source switch
    {
        SKEncodedImageFormat.Jpeg => SKEncodedImageFormat.Jpeg,
        SKEncodedImageFormat.Webp => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Png,
    };

    public static string Name(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Png => "PNG",
        _ => format.ToString().ToUpperInvariant(),
    };
}
