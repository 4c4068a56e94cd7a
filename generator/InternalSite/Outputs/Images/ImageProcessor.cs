using SkiaSharp;

namespace InternalSite.Outputs.Images;

/// <summary>Decodes, turns upright, resizes and encodes images with SkiaSharp. No file I/O and no caching here.</summary>
public static class ImageProcessor
{
    private static readonly SKSamplingOptions Downscale = new(SKCubicResampler.Mitchell);

    /// <summary>The size the image shows at: EXIF-rotated JPEGs swap width and height.</summary>
    public static (int Width, int Height) UprightSize(SKCodec codec) =>
        SwapsAxes(codec.EncodedOrigin) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);

    /// <summary>Decodes every pixel, upright; null with a reason when the data is truncated or corrupt.</summary>
    public static SKBitmap? Decode(SKCodec codec, out string? problem)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            problem = result == SKCodecResult.IncompleteInput
                ? "is truncated: its data ends before the last row of pixels"
                : $"could not be decoded ({result})";
            return null;
        }

        problem = null;
        return Upright(bitmap, codec.EncodedOrigin);
    }

    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        source.ScalePixels(target, Downscale);
        return target;
    }

    /// <summary>Encodes a bitmap. Photos get lossy WebP; screenshots and drawings (PNG, GIF) lossless WebP, which keeps text sharp.</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, bool photo, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = format switch
        {
            SKEncodedImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(quality)),
            SKEncodedImageFormat.Webp => pixmap.Encode(photo
                ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality)
                : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 60)),
            _ => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}");
    }

    private static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Applies the EXIF orientation, so variants look like the original does in a browser.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap;
        }

        float w = bitmap.Width, h = bitmap.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        };
        var (width, height) = SwapsAxes(origin) ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var upright = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }

        bitmap.Dispose();
        return upright;
    }
}
