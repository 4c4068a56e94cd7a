using InternalSite.Tests.Support;

namespace InternalSite.Tests.Feeds;

public sealed class FeedEscapingTests
{
    [Fact]
    public void Titles_with_markup_characters_quotes_emoji_and_right_to_left_text_read_back_unchanged()
    {
        var (_, output) = FeedSite.Build();
        const string listing = "changelog/labels/breaking/";
        Assert.Equal(FeedSite.HostileTitle, FeedReaders.Rss(output, listing).Items.Single().Title.Text);
        Assert.Equal(FeedSite.HostileTitle, FeedReaders.AtomFeed(output, listing).Items.Single().Title.Text);
        Assert.Equal(FeedSite.HostileTitle, FeedReaders.Json(output, listing).GetProperty("items")[0].GetProperty("title").GetString());

        // The title is text, never markup: no <b> element reaches the XML.
        Assert.Empty(FeedReaders.Xml(output, listing, Outputs.FeedFormat.Rss).Descendants("b"));
        Assert.DoesNotContain(FeedReaders.Xml(output, listing, Outputs.FeedFormat.Atom).Descendants(), e => e.Name.LocalName == "b");
    }

    [Fact]
    public void Ampersands_in_content_stay_one_level_escaped_in_every_format()
    {
        var (_, output) = FeedSite.Build();
        foreach (var (where, html) in FeedReaders.ItemHtml(output, "changelog/labels/breaking/"))
        {
            Assert.True(html.Contains("Breaking &amp; entering", StringComparison.Ordinal), $"{where}: {html}");
        }
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_instead_of_failing_the_build()
    {
        var (result, output) = TestSite.Build(TestSite.Config + """

            -- content/products/atlas/index.md --
            ---
            title: "Atlas \a bell"
            ---
            Maps.
            -- content/products/atlas/releases/1.0.0.md --
            ---
            title: "Ring the \a bell"
            version: 1.0.0
            date: 2026-03-01
            ---
            Text.
            """);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal("Ring the  bell", FeedReaders.Rss(output, "changelog/").Items.Single().Title.Text);
        Assert.Equal("Ring the  bell", FeedReaders.AtomFeed(output, "products/atlas/releases/").Items.Single().Title.Text);
        Assert.Equal("Ring the  bell", FeedReaders.Json(output, "changelog/").GetProperty("items")[0].GetProperty("title").GetString());
    }
}
