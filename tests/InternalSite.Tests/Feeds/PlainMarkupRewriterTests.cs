using AngleSharp.Html.Parser;
using InternalSite.Markdown;
using InternalSite.Outputs.Feeds;

namespace InternalSite.Tests.Feeds;

/// <summary>
/// The feeds' fast path must mean exactly what the parsing path means: for everything the markdown renderer writes,
/// the fast result, read by an HTML parser, is the parsing path's result; for anything else it steps aside.
/// </summary>
public sealed class PlainMarkupRewriterTests
{
    private static readonly Uri PageUrl = new("https://h.example/tools/products/atlas/releases/2.4.0/");

    public static TheoryData<string> Markdown => new()
    {
        "A [relative link](../2.3.0/) and a [root link](/tools/guides/setup/#install), [anchor](#notes), [mail](mailto:pm@example.internal).",
        "![A chart](chart.png \"Weekly \\\"active\\\" users\") and an <https://example.internal/autolink?a=1&b=2>.",
        "Bad [script link](javascript:alert(1)) and [spaced](<a b.png>).",
        "## Notes {#notes}\n\n- [x] done\n- [ ] not yet\n\n| a | b |\n|---|---|\n| [x](y/) | 2 |",
        "Footnote here[^1].\n\n[^1]: The note, with [a link](../x/).",
        "> [!WARNING]\n> Breaking: [read this](../migrate/).",
        "```html\n<a href=\"x\" onclick=\"y()\">code, not markup</a>\n<script>not run</script>\n```\n\nand `<b href=\"z\">` inline.",
        "Entities &amp; quotes \"here\" <and> a [link with &](a&b.html?x=1&y=\"2\").",
    };

    [Theory]
    [MemberData(nameof(Markdown))]
    public void Markdown_output_takes_the_fast_path_and_means_what_the_parser_path_writes(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, MarkdownPipelineFactory.Pipeline);

        var fast = PlainMarkupRewriter.TryRewrite(html, PageUrl);

        Assert.NotNull(fast);
        Assert.Equal(AbsoluteHtml.RewriteParsed(html, PageUrl), Reserialised(fast));
    }

    [Fact]
    public void The_fast_path_changes_only_url_attributes()
    {
        const string html = "<p><a href=\"../x/\" title=\"A &amp; B\">x</a><br />\n<img src=\"c.png\" alt=\"c\" srcset=\"c.png 1x, d.png 2x\" /></p>\n";

        Assert.Equal(
            "<p><a href=\"https://h.example/tools/products/atlas/releases/x/\" title=\"A &amp; B\">x</a><br />\n"
            + "<img src=\"https://h.example/tools/products/atlas/releases/2.4.0/c.png\" alt=\"c\" "
            + "srcset=\"https://h.example/tools/products/atlas/releases/2.4.0/c.png 1x, https://h.example/tools/products/atlas/releases/2.4.0/d.png 2x\" /></p>\n",
            PlainMarkupRewriter.TryRewrite(html, PageUrl));
    }

    [Fact]
    public void Svg_links_are_rewritten_like_the_parser_does()
    {
        const string html = "<p><svg viewBox=\"0 0 16 16\"><a xlink:href=\"x/\"><path d=\"M0 0h1\" /></a><a href=\"/y\">y</a></svg></p>";

        var fast = PlainMarkupRewriter.TryRewrite(html, PageUrl);

        Assert.NotNull(fast);
        Assert.Contains("xlink:href=\"https://h.example/tools/products/atlas/releases/2.4.0/x/\"", fast, StringComparison.Ordinal);
        Assert.Equal(AbsoluteHtml.RewriteParsed(html, PageUrl), Reserialised(fast));
    }

    [Fact]
    public void A_script_url_loses_its_attribute_as_on_the_parser_path() =>
        Assert.Equal("<a title=\"t\">x</a>", PlainMarkupRewriter.TryRewrite("<a href=\"javascript:alert(1)\" title=\"t\">x</a>", PageUrl));

    [Theory]
    [InlineData("<p>ok</p><script>alert(1)</script>")]
    [InlineData("<p onclick=\"x()\">hi</p>")]
    [InlineData("<a href=x.html>unquoted</a>")]
    [InlineData("<a href='x.html'>single quotes</a>")]
    [InlineData("<!-- <a href=\"x\"> -->")]
    [InlineData("<style>a{}</style>")]
    [InlineData("1 < 2 in raw markup")]
    [InlineData("<a\thref=\"x\">tab</a>")]
    [InlineData("<p>unclosed <a href=\"x\"")]
    public void Markup_outside_the_renderers_shape_is_left_to_the_parser(string html) =>
        Assert.Null(PlainMarkupRewriter.TryRewrite(html, PageUrl));

    private static string Reserialised(string html)
    {
        using var document = new HtmlParser().ParseDocument(string.Empty);
        document.Body!.InnerHtml = html;
        return document.Body.InnerHtml;
    }
}
