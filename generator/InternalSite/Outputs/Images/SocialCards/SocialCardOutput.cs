using System.Collections.Concurrent;

namespace InternalSite.Outputs.Images.SocialCards;

/// <summary>
/// A 1200×630 PNG card for every page at <see cref="OutputPaths.SocialCard"/>, which the theme's og:image and
/// twitter:image point at. A card is drawn only when its text, the theme's look or the card design changed; otherwise
/// it comes from the cache.
/// </summary>
public sealed class SocialCardOutput : ISiteOutput
{
    /// <summary>Bump when the drawing changes, so cached cards are drawn again.</summary>
    private const string CardVersion = "card-v3";

    public string Name => "social cards";

    public void Write(OutputContext context)
    {
        var options = context.Options.Images;
        if (!options.SocialCards)
        {
            return;
        }

        var cache = new ImageCache(options.CacheFolder, options.WriteCache);
        using var style = SocialCardStyle.FromTheme(context.Theme);
        using var painters = new ThreadLocal<SocialCardPainter>(() => new SocialCardPainter(style), trackAllValues: true);
        var written = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            Parallel.ForEach(context.Site.AllPages, page =>
            {
                var path = OutputPaths.SocialCard(page);
                if (!written.TryAdd(path, true))
                {
                    return;
                }

                var content = SocialCardContent.For(page, context.Site);
                var key = ImageCache.Key(CardVersion, style.Fingerprint, SocialCardPainter.Width, SocialCardPainter.Height,
                    content.Portal, content.Title, content.Product ?? string.Empty, content.Kind);
                // The key names everything the card is drawn from, so an incremental build keeps an unchanged card as it is.
                context.EmitFingerprinted(path, Name, key, () =>
                {
                    var bytes = cache.TryRead("cards", key, ".png");
                    if (bytes is null)
                    {
                        bytes = painters.Value!.Paint(content);
                        cache.Write("cards", key, ".png", bytes);
                        options.Work?.CardDrawn();
                    }
                    else
                    {
                        options.Work?.CardFromCache();
                    }

                    return bytes;
                });
            });
        }
        finally
        {
            foreach (var painter in painters.Values)
            {
                painter.Dispose();
            }
        }
    }
}
