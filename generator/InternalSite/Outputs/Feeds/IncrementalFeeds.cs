using System.Text.Json;
using System.Text.Json.Serialization;
using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Feeds in an incremental build. Each channel is first described with every item's content replaced by a hash of
/// what it is made from (the page body and URL); that description, serialised whole, is the fingerprint of the
/// channel's three files, so every field the document builder fills in counts without being listed here. Only
/// channels whose fingerprint changed are built for real and written again; the others keep the last build's files.
/// </summary>
internal static class IncrementalFeeds
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Write(OutputContext context, IncrementalSession incremental, string name)
    {
        var memory = incremental.Memory;
        var describer = new FeedDocumentBuilder(context.Site, (body, url) => memory.DerivedFrom(body, "feed-hash " + url, () => StableHash.Of(body, url)));
        var builder = new FeedDocumentBuilder(context.Site, (body, url) => memory.DerivedFrom(body, "feed-content " + url, () => FeedDocumentBuilder.ItemContent(body, url)));
        Parallel.ForEach(FeedChannels.All(context.Site), channel =>
        {
            var fingerprint = StableHash.Of(JsonSerializer.Serialize(describer.Build(channel), Json));
            FeedDocument? document = null;
            foreach (var format in OutputPaths.FeedFormats)
            {
                context.EmitFingerprinted(OutputPaths.Feed(channel.ListingRoute, format), name, fingerprint,
                    () => FeedOutput.Bytes(document ??= builder.Build(channel), format));
            }
        });
    }
}
