using System.Collections.Concurrent;
using System.Text.Json;
using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Feeds in an incremental build. Each channel is first described with every item's content replaced by a hash of
/// its page body; that description, serialised, is the fingerprint of the channel's three files, so every field the
/// document builder fills in counts without being listed here. Only channels whose fingerprint changed are built for
/// real and written again; the others keep the last build's files.
/// </summary>
/// <remarks>
/// Describing every channel is the whole cost of a build that changes few feeds, so it is done per item rather than
/// per feed: a page's entry is described and hashed once, however many feeds (its product, its labels, all
/// releases) hold it, and a feed's fingerprint is its own fields and the hashes of its entries.
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
        var entryHashes = new ConcurrentDictionary<FeedEntry, string>(ReferenceEqualityComparer.Instance);
        Parallel.ForEach(FeedChannels.All(context.Site), channel =>
        {
            var fingerprint = Fingerprint(describer.Build(channel), entryHashes);
            FeedDocument? document = null;
            foreach (var format in OutputPaths.FeedFormats)
            {
                context.EmitFingerprinted(OutputPaths.Feed(channel.ListingRoute, format), name, fingerprint,
                    () => FeedOutput.Bytes(document ??= builder.Build(channel), format));
            }
        });
    }

    /// <summary>
    /// What an item's body is made from. The item's URL is part of its entry, so the body alone stands for the content
    /// made from both. A page shown whole from its markdown cache entry is named by that entry's key (its HTML is a
    /// function of the key), so carried-over pages are not even decoded; any other body is hashed.
    /// </summary>
    private static string BodyFingerprint(Model.SiteModel site, IncrementalSession incremental, Model.Page page) =>
        page is not Model.Newsletter { DigestReleases.Count: > 0 } && incremental.MarkdownOf(page) is { } markdown
            ? "markdown " + markdown.Key
            : StableHash.Of(FeedDocumentBuilder.BodyOf(site, page));

    /// <summary>A hash of the whole description: the feed's own fields, then each entry's hash in order.</summary>
    internal static string Fingerprint(FeedDocument description, ConcurrentDictionary<FeedEntry, string> entryHashes)
    {
        var parts = new string[description.Entries.Count + 1];
        parts[0] = StableHash.Of(JsonSerializer.SerializeToUtf8Bytes(description with { Entries = [] }, FeedFingerprintJson.Default.FeedDocument));
        for (var i = 0; i < description.Entries.Count; i++)
        {
            parts[i + 1] = entryHashes.GetOrAdd(description.Entries[i], entry => StableHash.Of(JsonSerializer.SerializeToUtf8Bytes(entry, FeedFingerprintJson.Default.FeedEntry)));
        }

        return StableHash.Of(parts);
    }
}
