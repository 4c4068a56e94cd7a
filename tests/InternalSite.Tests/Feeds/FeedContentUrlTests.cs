using AngleSharp.Html.Parser;

namespace InternalSite.Tests.Feeds;

public sealed class FeedContentUrlTests
{
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite", "action", "data"];

    [Theory]
    [MemberData(nameof(FeedReaders.ListingCases), MemberType = typeof(FeedReaders))]
    public void No_item_content_holds_a_relative_url_a_script_or_an_event_handler(string listing)
    {
        var (_, output) = FeedSite.Build();
        var parser = new HtmlParser();
        foreach (var (where, html) in FeedReaders.ItemHtml(output, listing))
        {
            var document = parser.ParseDocument("<body>" + html);
            Assert.Empty(document.QuerySelectorAll("script"));
            foreach (var element in document.Body!.QuerySelectorAll("*"))
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.Ordinal), $"{where}: {element.OuterHtml}");
                    var urls = attribute.Name == "srcset"
                        ? attribute.Value.Split(',').Select(c => c.Trim().Split(' ')[0])
                        : UrlAttributes.Contains(attribute.Name) ? [attribute.Value] : [];
                    foreach (var url in urls)
                    {
                        Assert.True(IsAbsolute(url), $"{where}: relative URL '{url}' in {element.OuterHtml}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Links_images_anchors_and_footnotes_resolve_as_on_the_page()
    {
        var (_, output) = FeedSite.Build();
        var html = FeedReaders.Json(output, "products/atlas/releases/").GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Atlas 1.1").GetProperty("content_html").GetString()!;
        var document = new HtmlParser().ParseDocument("<body>" + html);
        var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        const string page = "https://portal.example.internal/tools/products/atlas/releases/1.1.0/";
        Assert.Contains(page + "#details", hrefs);
        Assert.Contains(page + "#fn:1", hrefs);
        Assert.Contains("https://portal.example.internal/tools/products/atlas/releases/1.0.0/", hrefs);
        Assert.Contains("https://portal.example.internal/tools/products/atlas/", hrefs);
        Assert.Contains("https://cdn.example.com/x.js", hrefs);
        Assert.Contains("mailto:atlas@example.com", hrefs);
        Assert.Contains("https://portal.example.internal/tools/products/atlas/chart.svg",
            document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Equal(
            "https://portal.example.internal/tools/products/atlas/releases/chart.svg 1x, https://portal.example.internal/tools/products/atlas/chart.svg 2x",
            document.QuerySelector("img[srcset]")!.GetAttribute("srcset"));
    }

    private static bool IsAbsolute(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" or "data";
}
