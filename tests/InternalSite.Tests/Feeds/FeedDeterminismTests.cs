using InternalSite.Build;
using InternalSite.Outputs;
using InternalSite.Tests.Support;
using NodaTime;

namespace InternalSite.Tests.Feeds;

public sealed class FeedDeterminismTests
{
    [Fact]
    public void Two_builds_of_the_same_content_write_identical_feed_bytes_whatever_the_build_time()
    {
        var first = TestSite.Build(FeedSite.Files).Output;
        var second = TestSite.Build(FeedSite.Files, new BuildOptions { Now = TestSite.Now + Duration.FromDays(30) }).Output;

        var feeds = FeedPaths(first);
        Assert.Equal(FeedReaders.Listings.Length * 3, feeds.Count);
        Assert.Equal(feeds, FeedPaths(second));
        foreach (var path in feeds)
        {
            Assert.True(first.Files[path].AsSpan().SequenceEqual(second.Files[path]), $"{path} differs between builds");
        }
    }

    [Fact]
    public void Item_ids_survive_a_move_of_the_portal_to_another_base_path()
    {
        var here = TestSite.Build(FeedSite.Files).Output;
        var moved = TestSite.Build(FeedSite.Files, new BuildOptions { BaseUrl = "https://portal.example.internal/elsewhere/" }).Output;

        var ids = FeedReaders.AtomFeed(here, "changelog/").Items.Select(i => i.Id).ToList();
        Assert.Equal(ids, FeedReaders.AtomFeed(moved, "changelog/").Items.Select(i => i.Id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("tag:portal.example.internal,2026-", id, StringComparison.Ordinal));
        Assert.Contains("https://portal.example.internal/elsewhere/changelog/", moved.Text(OutputPaths.Feed("changelog/", FeedFormat.Atom)), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_end_with_a_newline_and_carry_no_byte_order_mark()
    {
        var output = TestSite.Build(FeedSite.Files).Output;
        foreach (var path in FeedPaths(output))
        {
            var bytes = output.Files[path];
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    private static List<string> FeedPaths(MemoryOutputSink output) =>
        output.Files.Keys.Where(p => p.EndsWith("/feed.xml", StringComparison.Ordinal) || p.EndsWith("/atom.xml", StringComparison.Ordinal)
            || p.EndsWith("/feed.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
