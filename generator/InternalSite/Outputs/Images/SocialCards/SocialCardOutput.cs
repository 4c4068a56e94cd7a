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

    private const string MemoKey = "social card";

    public string Name => "social cards";

    public void Write(OutputContext context)
    {
        var options = context.Options.Images;
        if (!options.SocialCards)
        {
            return;
        }

        var cache = new ImageCache(options.CacheFolder, options.WriteCache);
        var memory = context.Incremental?.Memory;
        using var style = SocialCardStyle.FromTheme(context.Theme);
        using var painters = new ThreadLocal<SocialCardPainter>(() => new SocialCardPainter(style), trackAllValues: true);
        var written = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            Parallel.ForEach(context.Site.AllPages, page =>
            {
                var content = SocialCardContent.For(page, context.Site);
                var (path, key) = memory is null ? (OutputPaths.SocialCard(page), Key(style, content)) : Remembered(memory, page, style, content);
                if (!written.TryAdd(path, true))
                {
                    return;
                }

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

    /// <summary>The cache key of a card: everything it is drawn from.</summary>
    internal static string Key(SocialCardStyle style, SocialCardContent content) =>
        ImageCache.Key(CardVersion, style.Fingerprint, SocialCardPainter.Width, SocialCardPainter.Height,
            content.Portal, content.Title, content.Product ?? string.Empty, content.Kind);

    /// <summary>
    /// A card's path and key, remembered between the builds of one process (<c>serve</c>) with the page's parsed fields
    /// (<see cref="Model.Page.Basics"/>, the same object while its file is unchanged; the route comes from them): hashing
    /// every card's text on every build cost more than anything else this output does for an edit of one page.
    /// </summary>
    private static (string Path, string Key) Remembered(Build.Incremental.MemoryCaches memory, Model.Page page, SocialCardStyle style, SocialCardContent content)
    {
        var remembered = memory.Derived.GetOrCreateValue(page.Basics);
        if (remembered.TryGetValue(MemoKey, out var known) && known is RememberedCard card
            && card.Content == content && card.Style == style.Fingerprint)
        {
            return (card.Path, card.Key);
        }

        card = new RememberedCard(content, style.Fingerprint, OutputPaths.SocialCard(page), Key(style, content));
        remembered[MemoKey] = card;
        return (card.Path, card.Key);
    }

    /// <summary>The key of a card with this content in this style, and its path.</summary>
    private sealed record RememberedCard(SocialCardContent Content, string Style, string Path, string Key);
}
