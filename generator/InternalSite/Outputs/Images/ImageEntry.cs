using InternalSite.Model;
using SkiaSharp;

namespace InternalSite.Outputs.Images;

/// <summary>One file the build writes for an image: a narrower copy, or a WebP copy, beside the original.</summary>
public sealed record ImageVariant(string OutputPath, int Width, int Height, SKEncodedImageFormat Format, string CacheKey)
{
    /// <summary>The encoded bytes when there is no disk cache to hold them until the output stage.</summary>
    internal byte[]? Bytes { get; set; }
}

/// <summary>Why an image was not resized: an error for corrupt data, a warning for a format we do not resize.</summary>
public sealed record ImageProblem(bool IsError, string Message);

/// <summary>What the build knows of one image under content/: its upright size, its variants, or its problem.</summary>
public sealed record ImageEntry(StaticFile File, int Width, int Height, SKEncodedImageFormat Format, IReadOnlyList<ImageVariant> Variants, ImageProblem? Problem)
{
    public static ImageEntry Failed(StaticFile file, ImageProblem problem) => new(file, 0, 0, SKEncodedImageFormat.Png, [], problem);
}
