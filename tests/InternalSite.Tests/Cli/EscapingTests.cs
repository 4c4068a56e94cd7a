using System.Text;

namespace InternalSite.Tests.Cli;

/// <summary>HTML and script in titles and tags are text: the build succeeds and no raw markup from them reaches any output.</summary>
public sealed class EscapingTests
{
    [Fact]
    public void Script_in_titles_and_tags_is_escaped_in_every_output()
    {
        using var site = TempSite.From(GoodSite.Files);
        site.Write("""
            -- content/about.md --
            ---
            title: "<script>alert('title')</script> & <b>friends</b>"
            summary: "<script>alert('summary')</script>"
            tags: ["<script>alert('tag')</script>", "<img src=x onerror=alert(1)>"]
            audience: ["<script>alert('audience')</script>"]
            aliases: [/old-about/]
            ---
            Body.
            -- content/products/atlas/releases/2.5.md --
            ---
            title: "Atlas <script>alert('release')</script>"
            version: 2.5.0
            date: 2026-04-01
            labels: [improved]
            ---
            Faster.
            """);
        var result = site.Run("build");
        Assert.True(result.ExitCode == 0, result.ToString());

        var files = TempSite.Snapshot(site.Output);
        var texts = files.Where(f => !f.Key.EndsWith(".svg", StringComparison.Ordinal) && !f.Key.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value));
        Assert.True(texts.Count > 20);
        foreach (var (path, text) in texts)
        {
            Assert.False(text.Contains("<script>", StringComparison.OrdinalIgnoreCase), $"{path} holds a raw <script>");
            Assert.False(text.Contains("<img src=x", StringComparison.Ordinal), $"{path} holds a raw <img>");
            Assert.False(text.Contains("<b>friends", StringComparison.Ordinal), $"{path} holds raw <b>");
        }

        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;", texts["about/index.html"], StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;tag&#39;)&lt;/script&gt;", texts["tags/index.html"], StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;release&#39;)&lt;/script&gt;", texts["changelog/index.html"], StringComparison.Ordinal);
        Assert.Contains("old-about/index.html", texts.Keys);

        // The sitemap is XML a crawler parses: it must stay well-formed, with every URL escaped.
        var sitemap = System.Xml.Linq.XDocument.Parse(texts["sitemap.xml"]);
        Assert.Contains(sitemap.Descendants().Where(e => e.Name.LocalName == "loc"), l => l.Value.EndsWith("/tags/script-alert-tag-script/", StringComparison.Ordinal));
    }
}
