using AngleSharp.Html.Parser;
using InternalSite.Outputs;

namespace InternalSite.Tests.Feeds;

public sealed class FeedLinkTagTests
{
    [Theory]
    [InlineData("changelog/", "changelog/")]
    [InlineData("products/atlas/", "products/atlas/releases/")]
    [InlineData("products/atlas/releases/", "products/atlas/releases/")]
    [InlineData("products/atlas/releases/1.1.0/", "products/atlas/releases/")]
    [InlineData("changelog/labels/breaking/", "changelog/labels/breaking/")]
    [InlineData("newsletters/", "newsletters/")]
    public void Pages_link_their_feeds_with_alternate_tags_that_point_at_emitted_files(string page, string listing)
    {
        var (_, output) = FeedSite.Build();
        var document = new HtmlParser().ParseDocument(output.Text(OutputContext.FileFor(page)));
        var alternates = document.QuerySelectorAll("head link[rel=alternate]")
            .ToDictionary(l => l.GetAttribute("type")!, l => l.GetAttribute("href")!);

        foreach (var format in OutputPaths.FeedFormats)
        {
            var href = alternates[OutputPaths.FeedMediaType(format)];
            Assert.Equal("/tools/" + OutputPaths.Feed(listing, format), href);
            Assert.True(output.Files.ContainsKey(href["/tools/".Length..]), $"{page} links {href}, which is not written");
        }
    }

    [Theory]
    [InlineData("changelog/", "changelog/")]
    [InlineData("products/atlas/", "products/atlas/releases/")]
    [InlineData("products/atlas/releases/", "products/atlas/releases/")]
    public void Changelog_and_product_pages_show_a_subscribe_block(string page, string listing)
    {
        var (_, output) = FeedSite.Build();
        var document = new HtmlParser().ParseDocument(output.Text(OutputContext.FileFor(page)));
        var block = document.QuerySelector("aside.subscribe");
        Assert.NotNull(block);
        Assert.Equal("Subscribe", block.QuerySelector("h2")!.TextContent);
        var links = block.QuerySelectorAll("a[type]").Select(a => (a.GetAttribute("href"), a.GetAttribute("type"), a.TextContent)).ToList();
        Assert.Equal(
            OutputPaths.FeedFormats.Select(f => ((string?)("/tools/" + OutputPaths.Feed(listing, f)), (string?)OutputPaths.FeedMediaType(f))),
            links.Where(l => l.Item2 != "text/calendar").Select(l => (l.Item1, l.Item2)));
        Assert.Equal(["RSS", "Atom", "JSON Feed"], links.Select(l => l.TextContent));
    }

    [Fact]
    public void The_all_releases_changelog_points_teams_at_the_label_feeds()
    {
        var (_, output) = FeedSite.Build();
        var document = new HtmlParser().ParseDocument(output.Text("changelog/index.html"));
        var labelLinks = document.QuerySelectorAll("aside.subscribe a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/tools/changelog/labels/breaking/", labelLinks);
        Assert.Contains("/tools/changelog/labels/security/", labelLinks);

        var product = new HtmlParser().ParseDocument(output.Text("products/atlas/index.html"));
        Assert.DoesNotContain("/tools/changelog/labels/breaking/", product.QuerySelectorAll("aside.subscribe a").Select(a => a.GetAttribute("href")));
    }
}
