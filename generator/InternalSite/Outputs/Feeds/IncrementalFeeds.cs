using System.Collections.Concurrent;
using System.Text.Json;
using InternalSite.Build.Incremental;
using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Feeds in an incremental build. Each channel is first described: its own fields, and for each item a key of
/// everything the item's entry is made from. That description, hashed, is the fingerprint of the channel's three
/// files; only channels whose fingerprint changed are built for real and written again, the others keep the last
/// build's files.
/// </summary>
/// <remarks>
/// Describing every channel is the whole cost of a build that changes few feeds, so it is done per item rather than
/// per feed: a page's key is made once, however many feeds (its product, its labels, all releases) hold it. An item
/// whose page and product are shown whole from their own sources is keyed by those sources (see
/// <see cref="PageSourceMembers"/>), without making its entry; any other item is keyed by its entry, made with every
/// body replaced by a fingerprint of it, so every field the document builder fills in counts without being listed here.
/// A feed's own fields are keyed by what they are made from (<see cref="FeedHeaderKey"/>), without making them.
/// </remarks>
internal static class IncrementalFeeds
{
    public static void Write(OutputContext context, IncrementalSession incremental, string name)
    {
        var memory = incremental.Memory;
        var site = context.Site;
        var describer = new FeedDocumentBuilder(site, (page, _) => BodyFingerprint(site, incremental, page));
        var builder = new FeedDocumentBuilder(site, (page, url) =>
        {
            var body = FeedDocumentBuilder.BodyOf(site, page);
            return memory.DerivedFrom(body, "feed-content " + url, () => FeedDocumentBuilder.ItemContent(body, url));
        });
        var siteKey = StableHash.Of("feed entry", site.AbsoluteUrl(string.Empty));
        var headerKey = FeedHeaderKey.OfSite(site);
        var sourceKeys = new FeedSourceKeys(incremental, siteKey, name);
        var itemKeys = new ConcurrentDictionary<Page, string>(ReferenceEqualityComparer.Instance);
        string ItemKey(Page page) => itemKeys.GetOrAdd(page, p => sourceKeys.Of(p) ?? EntryKey(describer.EntryOf(p)));
        Parallel.ForEach(FeedChannels.All(site), channel =>
        {
            var items = describer.ItemsOf(channel);
            var fingerprint = StableHash.Of([FeedHeaderKey.Of(headerKey, channel, items), .. items.ConvertAll(ItemKey)]);
            FeedDocument? document = null;
            foreach (var format in OutputPaths.FeedFormats)
            {
                context.EmitFingerprinted(OutputPaths.Feed(channel.ListingRoute, format), name, fingerprint,
                    () => FeedOutput.Bytes(document ??= builder.Build(channel), format));
            }
        });
        sourceKeys.Remember();
    }

    private static string EntryKey(FeedEntry entry) => "entry " + StableHash.Of(JsonSerializer.SerializeToUtf8Bytes(entry, FeedFingerprintJson.Default.FeedEntry));

    /// <summary>
    /// What an item's body is made from, in an entry made only to be hashed. The item's URL is part of its entry, so
    /// the body alone stands for the content made from both. A page shown whole from its markdown cache entry is named
    /// by that entry's key (its HTML is a function of the key), so its body is not even decoded; any other is hashed.
    /// </summary>
    private static string BodyFingerprint(SiteModel site, IncrementalSession incremental, Page page) =>
        page is not Newsletter { DigestReleases.Count: > 0 } && incremental.MarkdownOf(page) is { } markdown
            ? "markdown " + markdown.Key
            : StableHash.Of(FeedDocumentBuilder.BodyOf(site, page));
}
