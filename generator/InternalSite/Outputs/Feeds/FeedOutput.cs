namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Writes every feed of <see cref="FeedChannels"/> in RSS 2.0, Atom 1.0 and JSON Feed 1.1, at the paths of
/// <see cref="OutputPaths.Feed"/>, the same ones the pages' &lt;link rel="alternate"&gt; tags point at.
/// </summary>
public sealed class FeedOutput : ISiteOutput
{
    public string Name => "feeds";

    public void Write(OutputContext context)
    {
        if (context.Incremental is { } incremental)
        {
            IncrementalFeeds.Write(context, incremental, Name);
            return;
        }

        var builder = new FeedDocumentBuilder(context.Site);
        Parallel.ForEach(FeedChannels.All(context.Site), channel =>
        {
            var document = builder.Build(channel);
            foreach (var format in OutputPaths.FeedFormats)
            {
                context.Emit(OutputPaths.Feed(channel.ListingRoute, format), Bytes(document, format), Name);
            }
        });
    }

    public static byte[] Bytes(FeedDocument document, FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssFeedWriter.Write(document),
        FeedFormat.Atom => AtomFeedWriter.Write(document),
        _ => JsonFeedWriter.Write(document),
    };
}
