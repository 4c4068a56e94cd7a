namespace InternalSite.Outputs.Images;

/// <summary>
/// Where variants go: beside the original, "img/chart.png" → "img/chart-480w.png", "img/chart-480w.webp" and, at full
/// width, "img/chart.webp". Kept beside the original so a page's relative image paths and its variants move together.
/// </summary>
public static class ImageVariantPaths
{
    public static string Of(string originalOutputPath, int? width, string extension)
    {
        var dot = originalOutputPath.LastIndexOf('.');
        var stem = dot > originalOutputPath.LastIndexOf('/') ? originalOutputPath[..dot] : originalOutputPath;
        return width is { } w ? $"{stem}-{w}w{extension}" : stem + extension;
    }
}
