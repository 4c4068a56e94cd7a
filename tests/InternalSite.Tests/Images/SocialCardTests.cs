using System.Runtime.CompilerServices;
using InternalSite.Outputs;
using InternalSite.Outputs.Images;
using InternalSite.Outputs.Images.SocialCards;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Images;

public sealed class SocialCardTests
{
    private const string Site = TestSite.Config + """

        -- content/index.md --
        ---
        title: Home
        ---
        Welcome.
        -- content/products/atlas/index.md --
        ---
        title: Atlas
        status: beta
        ---
        Maps.
        -- content/products/atlas/releases/2.4.md --
        ---
        title: Atlas 2.4 brings offline maps, faster search and a new export dialog for large teams
        version: 2.4.0
        date: 2026-10-01
        labels: [new, improved, fixed]
        ---
        Notes.
        """;

    /// <summary>Channel difference a pixel may have before it counts as different (anti-aliasing across Skia builds).</summary>
    private const int ChannelTolerance = 24;

    /// <summary>Share of pixels that may differ beyond the tolerance.</summary>
    private const double DifferentPixelsAllowed = 0.002;

    [Fact]
    public void The_release_card_matches_the_golden_image()
    {
        // Fixed colours, so the golden image follows the card design and the shipped font, not the default theme's palette.
        var (result, output) = ImageTestSite.Build(Branded(Site) + """

            -- themes/brand/assets/css/site.css --
            :root { --card-background: #0b1f3a; --card-foreground: #ffffff; --card-accent: #4da3ff; --card-muted: #b8c7dc; }
            """, [], new ImageOptions());
        Assert.True(result.Succeeded, TestSite.Errors(result));
        var card = output.Files["social/products/atlas/releases/2.4.png"];

        var golden = GoldenPath("release-card.png");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, card);
        }

        using var expected = SKBitmap.Decode(File.ReadAllBytes(golden));
        using var actual = SKBitmap.Decode(card);
        Assert.Equal((SocialCardPainter.Width, SocialCardPainter.Height), (actual.Width, actual.Height));
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var different = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                SKColor a = actual.GetPixel(x, y), e = expected.GetPixel(x, y);
                if (Math.Abs(a.Red - e.Red) > ChannelTolerance || Math.Abs(a.Green - e.Green) > ChannelTolerance || Math.Abs(a.Blue - e.Blue) > ChannelTolerance)
                {
                    different++;
                }
            }
        }

        Assert.True(different <= actual.Width * actual.Height * DifferentPixelsAllowed,
            $"{different} pixels differ from {golden}; if the design changed on purpose, run the test with UPDATE_GOLDEN=1 and review the image");
    }

    [Fact]
    public void Every_page_gets_a_card_at_its_output_path()
    {
        var (result, output) = ImageTestSite.Build(Site, [], new ImageOptions());
        Assert.NotNull(result.Site);

        foreach (var page in result.Site.AllPages)
        {
            var path = OutputPaths.SocialCard(page);
            Assert.True(output.Files.ContainsKey(path), $"no card for {page.Route}");
            using var codec = SKCodec.Create(SKData.CreateCopy(output.Files[path]));
            Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
            Assert.Equal((1200, 630), (codec.Info.Width, codec.Info.Height));
        }
    }

    [Fact]
    public void A_card_says_portal_title_product_and_kind_with_status_or_labels()
    {
        var (result, _) = ImageTestSite.Build(Site, [], new ImageOptions());
        var site = result.Site!;
        var release = SocialCardContent.For(site.Releases.Single(), site);
        Assert.Equal(("Test Portal", "Atlas", "Release · New · Improved · Fixed"), (release.Portal, release.Product, release.Kind));

        var product = SocialCardContent.For(site.Products.Single(), site);
        Assert.Equal(("Atlas", null, "Product · Beta"), (product.Title, product.Product, product.Kind));
    }

    [Fact]
    public void Cards_use_the_theme_colours()
    {
        var (result, output) = ImageTestSite.Build(Branded(Site) + """

            -- themes/brand/assets/css/site.css --
            :root { --card-background: #f4f1e8; --accent: light-dark(#b3261e, #ffffff); --fg: #202020; }
            @media (prefers-color-scheme: dark) { :root { --card-background: #000000; } }
            """, [], new ImageOptions());

        Assert.True(result.Succeeded, TestSite.Errors(result));
        using var card = SKBitmap.Decode(output.Files["social/index.png"]);
        Assert.Equal(new SKColor(0xF4, 0xF1, 0xE8), card.GetPixel(1100, 40));
        Assert.Equal(new SKColor(0xB3, 0x26, 0x1E), card.GetPixel(5, 300));
    }

    [Fact]
    public void Cards_can_be_turned_off()
    {
        var (result, output) = ImageTestSite.Build(Site, [], new ImageOptions { SocialCards = false });

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.DoesNotContain(output.Files.Keys, k => k.StartsWith("social/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_font_is_licensed_under_the_OFL()
    {
        var fonts = Path.Combine(RepositoryRoot(), "themes", "default", "fonts");
        Assert.True(File.Exists(Path.Combine(fonts, "Lato-Bold.ttf")));
        Assert.True(File.Exists(Path.Combine(fonts, "Lato-Regular.ttf")));
        var licence = File.ReadAllText(Path.Combine(fonts, "OFL.txt"));
        Assert.Contains("SIL Open Font License, Version 1.1", licence, StringComparison.Ordinal);
    }

    private static string Branded(string site)
    {
        var branded = site.Replace("organization: Example Corp", "organization: Example Corp\ntheme: brand", StringComparison.Ordinal);
        Assert.NotEqual(site, branded);
        return branded;
    }

    private static string GoldenPath(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Golden", name);

    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
