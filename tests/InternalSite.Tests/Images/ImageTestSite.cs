using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs;
using InternalSite.Outputs.Images;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Images;

/// <summary>Builds in-memory sites that hold binary images next to their "-- path --" text files.</summary>
internal static class ImageTestSite
{
    public static (BuildResult Result, MemoryOutputSink Output) Build(string text, IEnumerable<(string Path, byte[] Bytes)> binaries, ImageOptions images)
    {
        var textFiles = SiteSource.FromText(text).Under(string.Empty);
        var source = new SiteSource(textFiles.Concat(binaries.Select(b => new SourceFile(b.Path, b.Bytes))));
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(source, new BuildOptions { Now = TestSite.Now, Images = images }, sink);
        return (result, sink);
    }

    /// <summary>A picture with detail everywhere (a gradient and a grid), so a broken resize cannot pass for a good one.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [SKColors.OrangeRed, SKColors.SteelBlue], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = gradient };
            canvas.DrawRect(0, 0, width, height, paint);
            using var line = new SKPaint { Color = SKColors.White, StrokeWidth = 2 };
            for (var x = 0; x < width; x += 40)
            {
                canvas.DrawLine(x, 0, x, height, line);
            }
        }

        using var pixmap = bitmap.PeekPixels();
        using var data = format switch
        {
            SKEncodedImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(85)),
            SKEncodedImageFormat.Webp => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)),
            _ => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
        };
        return data!.ToArray();
    }

    /// <summary>Decodes output bytes with SkiaSharp: the reader that is not our writer.</summary>
    public static (int Width, int Height, SKEncodedImageFormat Format) Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes)) ?? throw new Xunit.Sdk.XunitException("not a decodable image");
        using var bitmap = SKBitmap.Decode(codec) ?? throw new Xunit.Sdk.XunitException("pixels do not decode");
        return (bitmap.Width, bitmap.Height, codec.EncodedFormat);
    }
}

/// <summary>A cache folder of its own for one test, deleted afterwards.</summary>
internal sealed class TemporaryCache : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("internalsite-image-cache-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
