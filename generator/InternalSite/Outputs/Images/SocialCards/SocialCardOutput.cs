using System.Collections.Concurrent;
using InternalSite.Model;

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
        var pages = context.Site.AllPages.ToList();
        var memory = context.Incremental?.Memory;
        var last = memory?.OutputMemos.GetValueOrDefault(Name) as Dictionary<string, RememberedCard>;
        var cards = new RememberedCard[pages.Count];
        try
        {
            Parallel.For(0, pages.Count, i =>
            {
                var page = pages[i];
                var content = SocialCardContent.For(page, context.Site);
                var card = cards[i] = last is not null && last.TryGetValue(page.Route, out var known) && known.Shows(content, style)
                    ? known
                    : new RememberedCard(content, style.Fingerprint, OutputPaths.SocialCard(page), Key(style, content));
                if (!written.TryAdd(card.Path, true))
                {
                    return;
                }

                // The key names everything the card is drawn from, so an incremental build keeps an unchanged card as it is.
                context.EmitFingerprinted(card.Path, Name, card.Key, () =>
                {
                    var bytes = cache.TryRead("cards", card.Key, ".png");
                    if (bytes is null)
                    {
                        bytes = painters.Value!.Paint(content);
                        cache.Write("cards", card.Key, ".png", bytes);
                        options.Work?.CardDrawn();
                    }
                    else
                    {
                        options.Work?.CardFromCache();
                    }

                    return bytes;
                });
            });

            if (memory is not null)
            {
                memory.OutputMemos[Name] = ByRoute(pages, cards);
            }
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
    /// Each card's path and key by its page's route, for the next build in this process (<c>serve</c>): hashing every
    /// card's text and making its path on every build cost more than anything else this output does for an edit of one
    /// page. The next build uses an entry only for a card of the same route, content and style, so the key still names
    /// what the card shows.
    /// </summary>
    private static Dictionary<string, RememberedCard> ByRoute(List<Page> pages, RememberedCard[] cards)
    {
        var byRoute = new Dictionary<string, RememberedCard>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            byRoute.TryAdd(pages[i].Route, cards[i]);
        }

        return byRoute;
    }

    /// <summary>A card: what it shows in which style, its path (made from its page's route) and its cache key.</summary>
    private sealed record RememberedCard(SocialCardContent Content, string Style, string Path, string Key)
    {
        public bool Shows(SocialCardContent content, SocialCardStyle style) => Content == content && Style == style.Fingerprint;
    }
}
