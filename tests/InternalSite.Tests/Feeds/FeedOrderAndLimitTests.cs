using System.Text;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Feeds;

public sealed class FeedOrderAndLimitTests
{
    [Fact]
    public void Items_are_newest_first_and_ties_keep_the_listing_order()
    {
        var (_, output) = FeedSite.Build();
        var expected = new[]
        {
            "products/atlas/releases/2.0.0/", // 1 Sep, listed before Beacon's release of the same day
            "products/beacon/releases/0.9.0/",
            "products/atlas/releases/1.1.0/",
            "products/atlas/releases/1.0.0/",
        }.Select(r => "https://portal.example.internal/tools/" + r).ToArray();

        Assert.Equal(expected, FeedReaders.Rss(output, "changelog/").Items.Select(i => i.Links[0].Uri.AbsoluteUri));
        Assert.Equal(expected, FeedReaders.AtomFeed(output, "changelog/").Items.Select(i => i.Links[0].Uri.AbsoluteUri));
        Assert.Equal(expected, FeedReaders.Json(output, "changelog/").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()));
        Assert.Equal(3, FeedReaders.Rss(output, "products/atlas/releases/").Items.Count());
        Assert.Equal(2, FeedReaders.Rss(output, "changelog/labels/new/").Items.Count());
    }

    [Fact]
    public void The_feeds_items_setting_limits_every_feed_to_its_newest_items()
    {
        var (_, output) = FeedSite.Build("feeds:\n  items: 2");
        foreach (var listing in new[] { "changelog/", "products/atlas/releases/" })
        {
            var rss = FeedReaders.Rss(output, listing).Items.ToList();
            Assert.Equal(2, rss.Count);
            Assert.Equal(2, FeedReaders.AtomFeed(output, listing).Items.Count());
            Assert.Equal(2, FeedReaders.Json(output, listing).GetProperty("items").GetArrayLength());
            Assert.True(rss[0].PublishDate >= rss[1].PublishDate);
        }

        Assert.EndsWith("/2.0.0/", FeedReaders.Rss(output, "products/atlas/releases/").Items.First().Links[0].Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain(FeedReaders.Rss(output, "changelog/").Items, i => i.Links[0].Uri.AbsoluteUri.EndsWith("/1.0.0/", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_setting_a_feed_holds_the_newest_fifty()
    {
        var files = new StringBuilder(TestSite.Config).Append("\n-- content/products/atlas/index.md --\n---\ntitle: Atlas\n---\nMaps.\n");
        for (var i = 1; i <= 55; i++)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(i);
            files.Append($"-- content/products/atlas/releases/1.{i}.0.md --\n---\ntitle: Atlas 1.{i}\nversion: 1.{i}.0\ndate: {day:yyyy-MM-dd}\n---\nRelease {i}.\n");
        }

        var (result, output) = TestSite.Build(files.ToString());
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var items = FeedReaders.AtomFeed(output, "products/atlas/releases/").Items.ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal("Atlas 1.55", items[0].Title.Text);
        Assert.Equal("Atlas 1.6", items[^1].Title.Text);
        Assert.Equal(50, FeedReaders.Json(output, "changelog/").GetProperty("items").GetArrayLength());
    }
}
