using AngleSharp.Html.Parser;
using InternalSite.Outputs.Images;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Images;

public sealed class ResponsiveImageTests
{
    private const string Site = TestSite.Config + """

        -- content/index.md --
        ---
        title: Home
        ---
        Intro.

        ![A wide screenshot](img/wide.png "The dashboard")

        ![A small photo](img/photo.jpg)
        """;

    private static readonly (string, byte[])[] Images =
    [
        ("content/img/wide.png", ImageTestSite.Picture(2000, 1000, SKEncodedImageFormat.Png)),
        ("content/img/photo.jpg", ImageTestSite.Picture(700, 350, SKEncodedImageFormat.Jpeg)),
    ];

    [Fact]
    public void Variants_are_made_in_webp_and_the_original_format_and_never_upscaled()
    {
        var (result, output) = ImageTestSite.Build(Site, Images, new ImageOptions());

        Assert.True(result.Succeeded, TestSite.Errors(result));
        var expected = new Dictionary<string, (int, int, SKEncodedImageFormat)>
        {
            ["img/wide-480w.png"] = (480, 240, SKEncodedImageFormat.Png),
            ["img/wide-480w.webp"] = (480, 240, SKEncodedImageFormat.Webp),
            ["img/wide-960w.png"] = (960, 480, SKEncodedImageFormat.Png),
            ["img/wide-960w.webp"] = (960, 480, SKEncodedImageFormat.Webp),
            ["img/wide-1600w.png"] = (1600, 800, SKEncodedImageFormat.Png),
            ["img/wide-1600w.webp"] = (1600, 800, SKEncodedImageFormat.Webp),
            ["img/wide.webp"] = (2000, 1000, SKEncodedImageFormat.Webp),
            ["img/photo-480w.jpg"] = (480, 240, SKEncodedImageFormat.Jpeg),
            ["img/photo-480w.webp"] = (480, 240, SKEncodedImageFormat.Webp),
            ["img/photo.webp"] = (700, 350, SKEncodedImageFormat.Webp),
        };
        foreach (var (path, size) in expected)
        {
            Assert.True(output.Files.ContainsKey(path), $"missing {path}");
            Assert.Equal(size, ImageTestSite.Decode(output.Files[path]));
        }

        var variants = output.Files.Keys.Where(k => k.StartsWith("img/", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(expected.Keys.Append("img/wide.png").Append("img/photo.jpg").Order(), variants);
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains("photo-960w", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_carries_srcset_sizes_dimensions_and_lazy_async_loading()
    {
        var (_, output) = ImageTestSite.Build(Site, Images, new ImageOptions());
        var document = new HtmlParser().ParseDocument(output.Text("index.html"));

        var wide = document.QuerySelector("img[alt='A wide screenshot']")!;
        Assert.Equal("/tools/img/wide.png", wide.GetAttribute("src"));
        Assert.Equal("2000", wide.GetAttribute("width"));
        Assert.Equal("1000", wide.GetAttribute("height"));
        Assert.Equal("lazy", wide.GetAttribute("loading"));
        Assert.Equal("async", wide.GetAttribute("decoding"));
        Assert.Equal("The dashboard", wide.GetAttribute("title"));
        Assert.Equal("/tools/img/wide-480w.png 480w, /tools/img/wide-960w.png 960w, /tools/img/wide-1600w.png 1600w, /tools/img/wide.png 2000w",
            wide.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(wide.GetAttribute("sizes")));
        var source = wide.ParentElement!.QuerySelector("source")!;
        Assert.Equal("PICTURE", wide.ParentElement.TagName);
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal("/tools/img/wide-480w.webp 480w, /tools/img/wide-960w.webp 960w, /tools/img/wide-1600w.webp 1600w, /tools/img/wide.webp 2000w",
            source.GetAttribute("srcset"));

        var photo = document.QuerySelector("img[alt='A small photo']")!;
        Assert.Equal("700", photo.GetAttribute("width"));
        Assert.Equal("/tools/img/photo-480w.jpg 480w, /tools/img/photo.jpg 700w", photo.GetAttribute("srcset"));

        // Every srcset candidate is a file the build wrote.
        foreach (var candidate in document.QuerySelectorAll("[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(", ")))
        {
            var url = candidate.Split(' ')[0];
            Assert.True(output.Files.ContainsKey(url["/tools/".Length..]), $"srcset names {url}, which was not written");
        }
    }

    [Fact]
    public void Images_the_build_does_not_resize_still_load_lazily()
    {
        var (result, output) = ImageTestSite.Build(TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            ---
            ![Logo](logo.svg) and ![Remote](https://example.com/x.png)
            -- content/logo.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
            """, [], new ImageOptions());

        Assert.True(result.Succeeded, TestSite.Errors(result));
        var images = new HtmlParser().ParseDocument(output.Text("index.html")).QuerySelectorAll("img");
        Assert.Equal(2, images.Length);
        Assert.All(images, img => Assert.Equal("lazy", img.GetAttribute("loading")));
        Assert.All(images, img => Assert.Equal("async", img.GetAttribute("decoding")));
        Assert.All(images, img => Assert.Null(img.GetAttribute("srcset")));
    }

    [Fact]
    public void An_image_without_alt_text_is_one_warning_at_its_line()
    {
        var (result, _) = ImageTestSite.Build(TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            ---
            Text.

            ![](img/wide.png)
            """, [Images[0]], new ImageOptions());

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("IS060", warning.Code);
        Assert.Equal(("content/index.md", 6, 1), (warning.Location.File, warning.Location.Line, warning.Location.Column));
    }
}
