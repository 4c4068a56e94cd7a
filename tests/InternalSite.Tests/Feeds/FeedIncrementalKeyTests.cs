using InternalSite.Model;
using InternalSite.Outputs.Feeds;
using InternalSite.Outputs.Site;
using NodaTime;

namespace InternalSite.Tests.Feeds;

/// <summary>The shortcuts incremental builds take for feeds and the sitemap give what the plain way gives.</summary>
public sealed class FeedIncrementalKeyTests
{
    private static Page Dated(int index, long? secondsAfterEpoch, int offsetMinutes = 0, long extraTicks = 0) => new(new PageBasics
    {
        SourcePath = $"content/p{index}.md",
        Kind = PageKind.Release,
        Title = $"Page {index}",
        Route = $"p{index}/",
        Date = secondsAfterEpoch is { } seconds
            ? Instant.FromUnixTimeTicks((seconds * NodaConstants.TicksPerSecond) + extraTicks).InZone(DateTimeZone.ForOffset(Offset.FromSeconds(offsetMinutes * 60)))
            : null,
    });

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(40, 50)]
    [InlineData(200, 7)]
    [InlineData(500, 50)]
    public void Newest_picks_what_a_stable_sort_by_publication_then_cut_picks(int pages, int count)
    {
        // Few distinct seconds, so many ties (broken by the listing's order; fractions of a second do not count), in
        // zones east and west, before and after 1970, and some undated pages (never in a feed).
        var random = new Random(pages * 31 + count);
        var listing = Enumerable.Range(0, pages)
            .Select(i => Dated(
                i,
                random.Next(10) == 0 ? null : (random.Next(2) == 0 ? -1_700_000_000L : 1_700_000_000L) + (random.Next(20) * 3600),
                offsetMinutes: (random.Next(9) - 4) * 90,
                extraTicks: random.Next(3) * 4_000_000))
            .ToList();

        var expected = listing.Where(p => p.Date is not null)
            .OrderByDescending(p => FeedDates.From(p.Date!.Value).UtcTicks)
            .Take(count)
            .ToList();

        Assert.Equal(expected, FeedDocumentBuilder.Newest(listing, count));
    }

    [Fact]
    public void Every_field_of_a_feed_header_is_keyed()
    {
        // FeedHeaderKey names what each of these is made from; a new field must be added there before here.
        var keyed = new[] { "ListingRoute", "Title", "Description", "Language", "HomeUrl", "SelfUrls", "Updated", "Publisher", "Entries" };

        Assert.Equal(keyed.Order(), typeof(FeedDocument).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
    }

    [Fact]
    public void The_sitemap_fingerprint_changes_with_a_route_a_day_or_the_base_url_only()
    {
        var site = new Uri("https://h.example/tools/");
        var pages = new List<Page> { Dated(1, 1_700_000_000), Dated(2, null) };
        var same = new List<Page> { Dated(1, 1_700_000_000 + 3600), Dated(2, null) };
        var otherDay = new List<Page> { Dated(1, 1_700_000_000 + 86400), Dated(2, null) };
        var undated = new List<Page> { Dated(1, null), Dated(2, null) };
        var moved = new List<Page> { Dated(1, 1_700_000_000), Dated(3, null) };

        var fingerprint = SitemapOutput.Fingerprint(site, pages);
        Assert.Equal(fingerprint, SitemapOutput.Fingerprint(site, same));
        Assert.NotEqual(fingerprint, SitemapOutput.Fingerprint(site, otherDay));
        Assert.NotEqual(fingerprint, SitemapOutput.Fingerprint(site, undated));
        Assert.NotEqual(fingerprint, SitemapOutput.Fingerprint(site, moved));
        Assert.NotEqual(fingerprint, SitemapOutput.Fingerprint(new Uri("https://h.example/portal/"), pages));
    }
}
