using System.Globalization;
using InternalSite.Build.Incremental;
using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// The key of a feed's own fields (a <see cref="FeedDocument"/> without its entries) in an incremental build: what
/// <see cref="FeedDocumentBuilder.Header"/> makes them from, hashed without making them. Every feed is keyed on every
/// build, and making a header (four absolute URLs, then serialized to be hashed) cost more than all the rest of it.
/// </summary>
/// <remarks>
/// The fields come from the channel (listing, title, description), the newest item's update, and the site: the base
/// URL (the home and self links), the language and the publisher (the organization, else the portal's title). A test
/// lists <see cref="FeedDocument"/>'s properties, so a new field cannot be added without being keyed here.
/// </remarks>
internal static class FeedHeaderKey
{
    /// <summary>The part every feed of <paramref name="site"/> shares.</summary>
    public static string OfSite(SiteModel site)
    {
        var config = site.Config;
        return StableHash.Of("feed header", config.BaseUrl.AbsoluteUri, config.Language, config.Organization, config.Title);
    }

    /// <summary>The key of the header of <paramref name="channel"/>'s feed showing <paramref name="items"/>.</summary>
    public static string Of(string siteKey, FeedChannel channel, IReadOnlyList<Page> items)
    {
        var updated = FeedDocumentBuilder.UpdatedOf(items);
        return StableHash.Of(
            siteKey, channel.ListingRoute, channel.Title, channel.Description,
            updated.UtcTicks.ToString(CultureInfo.InvariantCulture), updated.Offset.Ticks.ToString(CultureInfo.InvariantCulture));
    }
}
