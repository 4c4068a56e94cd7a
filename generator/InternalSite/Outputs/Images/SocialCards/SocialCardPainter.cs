using SkiaSharp;

namespace InternalSite.Outputs.Images.SocialCards;

/// <summary>
/// Draws 1200×630 cards. One painter per thread reuses its bitmap, fonts and paints across cards, which is most of
/// what keeps thousands of cards cheap; the typefaces come from the shared <see cref="SocialCardStyle"/>.
/// </summary>
public sealed class SocialCardPainter : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;

    private const float Left = 96;
    private const float TextWidth = Width - Left - 96;
    private static readonly float[] TitleSizes = [76, 66, 58, 50];
    /// <summary>
    /// Measured on cards: an RGB (no alpha) bitmap with the Sub filter at zlib level 1 encodes about 2.5× faster than
    /// RGBA at level 4, for files about 40% larger; flat card colours compress well either way.
    /// </summary>
    private static readonly SKPngEncoderOptions Png = new(SKPngEncoderFilterFlags.Sub, 1);

    private readonly SocialCardStyle style;
    private readonly SKBitmap bitmap = new(new SKImageInfo(Width, Height, SKColorType.Rgb888x, SKAlphaType.Opaque));
    private readonly SKCanvas canvas;
    private readonly SKFont title;
    private readonly SKFont portal;
    private readonly SKFont product;
    private readonly SKFont kind;
    private readonly SKPaint paint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public SocialCardPainter(SocialCardStyle style)
    {
        this.style = style;
        canvas = new SKCanvas(bitmap);
        title = Font(style.Bold, TitleSizes[0]);
        portal = Font(style.Regular, 34);
        product = Font(style.Bold, 40);
        kind = Font(style.Regular, 30);
    }

    public byte[] Paint(SocialCardContent content)
    {
        canvas.Clear(style.Background);
        paint.Color = style.Accent;
        canvas.DrawRect(0, 0, 20, Height, paint);

        paint.Color = style.Muted;
        canvas.DrawText(TextFitting.Ellipsize(content.Portal, portal, TextWidth), Left, 118, SKTextAlign.Left, portal, paint);

        DrawTitle(content.Title);
        DrawFooter(content);

        canvas.Flush();
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(Png);
        return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode the card as PNG");
    }

    public void Dispose()
    {
        canvas.Dispose();
        bitmap.Dispose();
        title.Dispose();
        portal.Dispose();
        product.Dispose();
        kind.Dispose();
        paint.Dispose();
    }

    /// <summary>The largest size at which the title fits in three lines; at the smallest, the third line is ellipsized.</summary>
    private void DrawTitle(string text)
    {
        List<string> lines = [];
        foreach (var size in TitleSizes)
        {
            title.Size = size;
            lines = TextFitting.Wrap(text, title, TextWidth, 3, out var overflowed);
            if (!overflowed)
            {
                break;
            }
        }

        paint.Color = style.Foreground;
        var lineHeight = title.Size * 1.18f;
        var baseline = 180 + (title.Size * 0.8f);
        foreach (var line in lines)
        {
            canvas.DrawText(line, Left, baseline, SKTextAlign.Left, title, paint);
            baseline += lineHeight;
        }
    }

    private void DrawFooter(SocialCardContent content)
    {
        if (content.Product is { } name)
        {
            paint.Color = style.Foreground;
            canvas.DrawText(TextFitting.Ellipsize(name, product, TextWidth), Left, 512, SKTextAlign.Left, product, paint);
        }

        var label = TextFitting.Ellipsize(content.Kind, kind, TextWidth - 48);
        var chipWidth = kind.MeasureText(label) + 48;
        paint.Color = style.Accent;
        canvas.DrawRoundRect(new SKRect(Left, 540, Left + chipWidth, 592), 26, 26, paint);
        paint.Color = style.Background;
        canvas.DrawText(label, Left + 24, 576, SKTextAlign.Left, kind, paint);
    }

    /// <summary>No hinting and no subpixel tricks tied to a screen: glyph outlines only, so every machine draws the same pixels.</summary>
    private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
    };
}
