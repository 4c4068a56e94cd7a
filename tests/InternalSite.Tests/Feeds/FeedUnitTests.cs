using InternalSite.Outputs.Feeds;

namespace InternalSite.Tests.Feeds;

public sealed class FeedUnitTests
{
    [Theory]
    [InlineData(0, 0, "Sun, 01 Mar 2026 09:05:07 +0000")]
    [InlineData(1, 0, "Sun, 01 Mar 2026 09:05:07 +0100")]
    [InlineData(-5, 0, "Sun, 01 Mar 2026 09:05:07 -0500")]
    [InlineData(5, 30, "Sun, 01 Mar 2026 09:05:07 +0530")]
    [InlineData(-3, -30, "Sun, 01 Mar 2026 09:05:07 -0330")]
    public void Rfc822_always_writes_a_numeric_zone(int hours, int minutes, string expected)
    {
        var value = new DateTimeOffset(2026, 3, 1, 9, 5, 7, new TimeSpan(hours, minutes, 0));
        Assert.Equal(expected, FeedDates.Rfc822(value));
    }

    [Theory]
    [InlineData(0, "2026-03-01T09:05:07Z")]
    [InlineData(1, "2026-03-01T09:05:07+01:00")]
    [InlineData(-8, "2026-03-01T09:05:07-08:00")]
    public void Rfc3339_uses_z_only_at_offset_zero(int hours, string expected) =>
        Assert.Equal(expected, FeedDates.Rfc3339(new DateTimeOffset(2026, 3, 1, 9, 5, 7, TimeSpan.FromHours(hours))));

    [Theory]
    [InlineData("/tools/a/", "https://h.example/tools/a/")]
    [InlineData("b.png", "https://h.example/tools/page/b.png")]
    [InlineData("../c/", "https://h.example/tools/c/")]
    [InlineData("#top", "https://h.example/tools/page/#top")]
    [InlineData("?q=1", "https://h.example/tools/page/?q=1")]
    [InlineData("//cdn.example/x", "https://cdn.example/x")]
    [InlineData("https://other.example/x", "https://other.example/x")]
    [InlineData("mailto:a@b.example", "mailto:a@b.example")]
    [InlineData("data:image/png;base64,AAAA", "data:image/png;base64,AAAA")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JavaScript:alert(1)", null)]
    public void Urls_resolve_against_the_page_address(string written, string? expected) =>
        Assert.Equal(expected, AbsoluteHtml.Resolve(written, new Uri("https://h.example/tools/page/")));

    [Fact]
    public void Srcset_candidates_keep_their_descriptors_and_commas_inside_urls()
    {
        var html = AbsoluteHtml.Rewrite("<img alt=\"x\" srcset=\"a.png 1x,b,c.png 2x, /d.png 480w\">", "https://h.example/p/");
        Assert.Contains("srcset=\"https://h.example/p/a.png 1x, https://h.example/p/b,c.png 2x, https://h.example/d.png 480w\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_links_and_media_posters_are_made_absolute_too()
    {
        var html = AbsoluteHtml.Rewrite(
            "<svg><a xlink:href=\"x/\"><text>t</text></a></svg><video poster=\"p.jpg\" src=\"v.mp4\"></video><blockquote cite=\"/q\">q</blockquote>",
            "https://h.example/p/");
        Assert.Contains("href=\"https://h.example/p/x/\"", html, StringComparison.Ordinal);
        Assert.Contains("poster=\"https://h.example/p/p.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://h.example/p/v.mp4\"", html, StringComparison.Ordinal);
        Assert.Contains("cite=\"https://h.example/q\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("products/atlas/releases/2-4/")]
    [InlineData("products/atlas/releases/2.4.0/")]
    [InlineData("")]
    [InlineData("news/2026-06")]
    [InlineData("a/./b/")]
    [InlineData("a/../b/")]
    [InlineData("a./b/")]
    [InlineData("a//b/")]
    [InlineData("/rooted/")]
    [InlineData("caf\u00e9/r\u00e9sum\u00e9/")]
    [InlineData("with space/and%20escape/")]
    [InlineData("q?x=1#frag")]
    [InlineData("tilde~_under/")]
    public void An_item_id_path_is_the_route_resolved_as_a_uri_would(string route) =>
        Assert.Equal(new Uri(new Uri("http://x/"), route).AbsolutePath, FeedIds.Path(route));

    [Fact]
    public void An_item_id_names_host_day_and_path()
    {
        var published = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal("tag:portal.example,2026-03-01:/products/atlas/releases/2-4/", FeedIds.For("portal.example", "products/atlas/releases/2-4/", published));
    }
}
