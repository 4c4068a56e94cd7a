namespace InternalSite.Markdown.Images;

/// <summary>One candidate of a <c>srcset</c>: a URL and the pixel width of the file behind it.</summary>
public sealed record ImageCandidate(string Url, int Width);

/// <summary>
/// What the renderer needs to write a responsive image: the intrinsic size (for width/height, so the page does not
/// shift as images load) and the candidates in WebP and in the original format, narrowest first.
/// </summary>
public sealed record ResponsiveImage(int Width, int Height, IReadOnlyList<ImageCandidate> Original, IReadOnlyList<ImageCandidate> Webp);

/// <summary>Answers "what do we know about the image at this site URL?"; the build's image catalog implements it.</summary>
public interface IResponsiveImageSource
{
    /// <summary>The <c>sizes</c> attribute: how wide images show in the theme's layout.</summary>
    string Sizes { get; }

    /// <summary>The image at <paramref name="url"/> (a root-relative URL as rendered), or null when it is not one we resized.</summary>
    ResponsiveImage? Find(string url);
}
