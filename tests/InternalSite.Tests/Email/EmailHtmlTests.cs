using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using InternalSite.Outputs.Email;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Email;

/// <summary>The HTML part against the rules mail clients impose, checked with AngleSharp.</summary>
public sealed class EmailHtmlTests
{
    private static readonly string[] TextElements =
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "a", "blockquote", "pre", "code", "dt", "dd", "span"];

    private static IDocument Document(string html) => new HtmlParser().ParseDocument(html);

    private static IDocument Fixture => Document(EmailFixture.Newsletter.Html);

    [Fact]
    public void Every_text_element_has_its_font_and_colour_inlined()
    {
        var document = Fixture;
        var elements = document.Body!.QuerySelectorAll(string.Join(", ", TextElements)).ToList();

        Assert.True(elements.Count > 40, $"only {elements.Count} text elements: the fixture should exercise the rules");
        foreach (var element in elements)
        {
            var style = element.GetAttribute("style") ?? string.Empty;
            Assert.True(style.Contains("font-family", StringComparison.Ordinal), $"<{element.LocalName}> has no inline font: {element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]}");
        }

        foreach (var element in document.Body.QuerySelectorAll("p, li, td, h1, h2, h3"))
        {
            Assert.Contains("color:", element.GetAttribute("style"));
        }
    }

    [Fact]
    public void No_url_is_relative()
    {
        var document = Fixture;
        var urls = document.All.SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("background") })
            .Where(u => u is not null).Select(u => u!).ToList();

        Assert.Contains("https://portal.example.internal/tools/products/atlas/", urls);
        Assert.Contains("https://portal.example.internal/tools/products/beacon/", urls);
        Assert.Contains("https://portal.example.internal/tools/newsletters/2026-10/#upgrade", urls);
        Assert.Contains("https://portal.example.internal/tools/newsletters/images/graph.png", urls);
        foreach (var url in urls)
        {
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto", $"not absolute: {url}");
        }
    }

    [Fact]
    public void No_flex_grid_script_or_external_stylesheet()
    {
        var html = EmailFixture.Newsletter.Html;
        var document = Document(html);

        Assert.Empty(document.QuerySelectorAll("script, link, svg, iframe, form"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        foreach (var style in document.All.Select(e => e.GetAttribute("style")).Where(s => s is not null)
                     .Concat(document.QuerySelectorAll("style").Select(s => s.TextContent)))
        {
            Assert.DoesNotMatch(@"display:\s*(inline-)?(flex|grid)|\bflex-|\bgrid-", style);
        }
    }

    [Fact]
    public void The_style_block_holds_only_media_queries_and_dark_mode()
    {
        var document = Fixture;
        var style = Assert.Single(document.Head!.QuerySelectorAll("style"));
        var sheet = new AngleSharp.Css.Parser.CssParser().ParseStyleSheet(style.TextContent);

        Assert.NotEmpty(sheet.Rules);
        foreach (var rule in sheet.Rules)
        {
            var ok = rule is AngleSharp.Css.Dom.ICssMediaRule || (rule is AngleSharp.Css.Dom.ICssStyleRule s && s.SelectorText.Contains("[data-ogsc]", StringComparison.Ordinal));
            Assert.True(ok, $"a rule that should have been inlined stayed in <style>: {rule.CssText}");
        }

        Assert.Contains("prefers-color-scheme: dark", style.TextContent);
        Assert.Contains("max-width: 620px", style.TextContent);
    }

    [Fact]
    public void The_layout_is_a_600px_centred_table_with_outlook_fixes()
    {
        var html = EmailFixture.Newsletter.Html;
        var document = Document(html);

        var container = document.QuerySelector("table.container")!;
        Assert.Equal("600", container.GetAttribute("width"));
        Assert.Equal("center", container.GetAttribute("align"));
        Assert.Contains("max-width: 600px", container.GetAttribute("style"));
        Assert.All(document.QuerySelectorAll("table[role=presentation]"), t => Assert.Equal("0", t.GetAttribute("cellpadding")));
        Assert.Contains("<!--[if mso]><table role=\"presentation\" align=\"center\" width=\"600\"", html);
        Assert.Contains("<o:PixelsPerInch>96</o:PixelsPerInch>", html);
        Assert.Contains("mso-line-height-rule: exactly", html);
        Assert.Equal("light dark", document.QuerySelector("meta[name=color-scheme]")?.GetAttribute("content"));
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Fact]
    public void The_preheader_comes_first_and_is_hidden()
    {
        var document = Fixture;
        var first = document.Body!.FirstElementChild!;

        Assert.Equal("preheader", first.ClassName);
        Assert.StartsWith("Dependency graphs in Atlas, escalation policies in Beacon.", first.TextContent);
        var style = first.GetAttribute("style")!;
        Assert.Contains("display: none", style);
        Assert.Contains("mso-hide: all", style);
        Assert.Contains("max-height: 0", style);
        Assert.Null(first.GetAttribute(PlainTextWriter.SkipAttribute));
    }

    [Fact]
    public void Images_have_alt_text_and_a_size_that_fits_the_column()
    {
        var image = Assert.Single(Fixture.QuerySelectorAll("img"));

        Assert.Equal("A dependency graph of three services", image.GetAttribute("alt"));
        // The fixture image is 800×400: scaled to the 552 px column, keeping its proportions.
        Assert.Equal("552", image.GetAttribute("width"));
        Assert.Equal("276", image.GetAttribute("height"));
        Assert.Contains("display: block", image.GetAttribute("style"));
        Assert.EndsWith("width: 100%; height: auto", image.GetAttribute("style")); // fills the column on a phone too
    }

    [Fact]
    public void The_html_stays_under_the_gmail_clipping_size()
    {
        Assert.True(Encoding.UTF8.GetByteCount(EmailFixture.Newsletter.Html) < 102 * 1024);
    }

    [Fact]
    public void A_newsletter_too_long_for_gmail_is_an_export_error_and_a_build_warning()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 900).Select(i => $"Paragraph {i} with [a link](https://example.internal/{i}) and some words to fill it."));
        var files = EmailFixture.Config + $"""

            -- content/newsletters/long.md --
            ---
            title: Long
            date: 2026-10-01
            ---
            {body}
            """;

        var export = EmailFixture.ExportText(files, "long");
        var (build, _) = TestSite.Build(files);

        Assert.Contains(export.Diagnostics, d => d.IsError && d.Message.Contains("Gmail clips", StringComparison.Ordinal));
        Assert.True(build.Succeeded, TestSite.Errors(build));
        Assert.Contains(build.Warnings, d => d.Message.Contains("Gmail clips", StringComparison.Ordinal));
    }

    [Fact]
    public void The_digest_lists_releases_since_the_previous_newsletter_by_product_with_labels_and_links()
    {
        var digest = Fixture.QuerySelector("td.digest")!;
        var products = digest.QuerySelectorAll("h3.digest-product a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal(
            [("Atlas", "https://portal.example.internal/tools/products/atlas/"), ("Beacon", "https://portal.example.internal/tools/products/beacon/")],
            products);
        var releases = digest.QuerySelectorAll("a.release-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["https://portal.example.internal/tools/products/atlas/releases/2.4.0/", "https://portal.example.internal/tools/products/beacon/releases/0.9.0/"],
            releases);
        // Atlas 2.3 came out before the September newsletter: not in October's digest.
        Assert.DoesNotContain("2.3.0", digest.TextContent);
        Assert.Equal(["new", "fixed", "breaking", "security"], digest.QuerySelectorAll("span.label").Select(s => s.TextContent).ToList());
    }

    [Fact]
    public void A_newsletter_without_digest_has_no_release_section()
    {
        var result = EmailFixture.Export("2026-09");

        var html = Assert.Single(result.Newsletters).Html;
        Assert.Null(Document(html).QuerySelector("td.digest"));
        Assert.Null(Document(html).QuerySelector(".preheader"));
    }

    [Fact]
    public void A_site_theme_overrides_the_email_template_and_stylesheet_through_the_theme_chain()
    {
        var result = EmailFixture.ExportText(EmailFixture.Config + """

            theme: corporate
            -- themes/corporate/theme.yml --
            extends: default
            -- themes/corporate/email/newsletter.html --
            <!DOCTYPE html><html><head><link rel="stylesheet" href="email.css"><link rel="stylesheet" href="brand.css"></head>
            <body><table role="presentation" width="600"><tr><td class="cell"><h1>{{ email.title }}</h1>{{ email.body }}</td></tr></table></body></html>
            -- themes/corporate/email/brand.css --
            h1 { color: #aa0000; display: flex; }
            -- content/newsletters/n1.md --
            ---
            title: Corporate issue
            date: 2026-10-01
            ---
            Hello.
            """, "n1");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var document = Document(result.Newsletters.Single().Html);
        var h1 = document.QuerySelector("h1")!;
        Assert.Equal("Corporate issue", h1.TextContent);
        var style = h1.GetAttribute("style")!;
        Assert.Contains("color: #aa0000", style);       // the site's brand.css, after the default email.css
        Assert.Contains("font-family", style);           // the default email.css, found down the theme chain
        Assert.DoesNotContain("flex", style);
        Assert.Contains(result.Diagnostics, d => !d.IsError && d.Message.Contains("flex and grid", StringComparison.Ordinal));
        Assert.Null(document.QuerySelector(".masthead"));
    }

    [Fact]
    public void The_build_publishes_the_email_where_the_email_version_link_of_a_page_points()
    {
        // The default theme's newsletter page links "View as email" with email_version; a theme here does the same.
        var (result, output) = TestSite.Build(EmailFixture.Config + """

            theme: site
            -- themes/site/layouts/newsletter.html --
            <article><h1>{{ page.title }}</h1><a href="{{ url (email_version page) }}">View as email</a></article>

            -- content/newsletters/n1.md --
            ---
            title: One
            date: 2026-10-01
            preheader: Short and sweet
            ---
            See [home](/).
            """);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        var email = output.Text("newsletters/n1/email.html");
        Assert.Contains("Short and sweet", email);
        Assert.Contains("href=\"https://portal.example.internal/tools/\"", email);
        Assert.Contains("href=\"/tools/newsletters/n1/email.html\"", output.Text("newsletters/n1/index.html"));
    }

    [Fact]
    public void An_image_without_alt_text_is_a_warning_and_gets_an_empty_alt()
    {
        var result = EmailFixture.ExportText(EmailFixture.Config + """

            -- content/newsletters/n1.md --
            ---
            title: One
            date: 2026-10-01
            ---
            <img src="https://cdn.example.internal/x.png">
            """, "n1");

        var image = Document(result.Newsletters.Single().Html).QuerySelector("img")!;
        Assert.Equal(string.Empty, image.GetAttribute("alt"));
        Assert.Equal("552", image.GetAttribute("width"));
        Assert.Contains(result.Diagnostics, d => d.Code == InternalSite.Diagnostics.DiagnosticCodes.ImageAlt && d.Location.File == "content/newsletters/n1.md");
    }

    [Fact]
    public void Links_that_run_script_lose_their_href()
    {
        var result = EmailFixture.ExportText(EmailFixture.Config + """

            -- content/newsletters/n1.md --
            ---
            title: One
            date: 2026-10-01
            ---
            <a href="javascript:alert(1)">click</a> and <a href="JavaScript:void(0)">this</a>
            """, "n1");

        var document = Document(result.Newsletters.Single().Html);
        Assert.Equal(2, document.QuerySelectorAll(".content a").Length);
        Assert.Empty(document.QuerySelectorAll(".content a[href]"));
    }

    [Fact]
    public void A_newsletter_dated_after_now_is_exported_only_with_future()
    {
        var files = EmailFixture.Config + """

            -- content/newsletters/next.md --
            ---
            title: Next month
            date: 2026-12-01
            ---
            Soon.
            """;

        var without = EmailFixture.ExportText(files, "next");
        var with = InternalSite.Outputs.Email.NewsletterExporter.Export(InternalSite.Content.SiteSource.FromText(files),
            new InternalSite.Build.BuildOptions { Now = TestSite.Now, Future = true }, ["next"]);

        Assert.Equal(["next"], without.UnknownSlugs);
        Assert.Empty(without.AvailableSlugs);
        Assert.True(with.Succeeded, string.Join("\n", with.Diagnostics));
        Assert.Equal("next", Assert.Single(with.Newsletters).Slug);
    }
}
