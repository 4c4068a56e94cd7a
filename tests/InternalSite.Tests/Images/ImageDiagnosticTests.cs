using InternalSite.Outputs.Images;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Images;

public sealed class ImageDiagnosticTests
{
    private static readonly byte[] Good = ImageTestSite.Picture(900, 600, SKEncodedImageFormat.Png);

    [Fact]
    public void Corrupt_truncated_unsupported_and_missing_images_are_diagnostics_at_the_image()
    {
        using var cache = new TemporaryCache();
        var (result, output) = ImageTestSite.Build(TestSite.Config + """

            -- content/guide.md --
            ---
            title: Guide
            ---
            A good one: ![Good](good.png)

            ![Garbage](garbage.jpg)
              ![Truncated](truncated.png)
            ![Bitmap](old.bmp)
            ![Missing](missing.png)
            """,
            [
                ("content/good.png", Good),
                ("content/garbage.jpg", "this is not a JPEG at all"u8.ToArray()),
                ("content/truncated.png", Good[..(Good.Length / 3)]),
                ("content/old.bmp", [0x42, 0x4D, 0, 0]),
            ],
            new ImageOptions { CacheFolder = cache.Folder });

        var found = result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.IsError, d.Code)).ToList();
        Assert.Contains((6, 1, true, "IS061"), found);
        Assert.Contains((7, 3, true, "IS061"), found);
        Assert.Contains((8, 1, false, "IS061"), found);
        Assert.Contains((9, 1, true, "IS030"), found);
        Assert.Equal(4, found.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal("content/guide.md", d.Location.File));
        Assert.Contains("truncated", result.Diagnostics.Single(d => d.Location.Line == 7).Message, StringComparison.Ordinal);
        Assert.Contains("expected", result.Diagnostics.Single(d => d.Location.Line == 6).Message, StringComparison.Ordinal);

        // The good image still got its variants; the bad ones are still copied as written, with no variants.
        Assert.True(output.Files.ContainsKey("good-480w.webp"));
        Assert.True(output.Files.ContainsKey("garbage.jpg"));
        Assert.DoesNotContain(output.Files.Keys, k => k.StartsWith("truncated-", StringComparison.Ordinal) || k.StartsWith("garbage-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_image_is_reported_on_a_warm_cache_too()
    {
        using var cache = new TemporaryCache();
        const string site = TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            ---
            ![Truncated](truncated.png)
            """;
        (string, byte[])[] files = [("content/truncated.png", Good[..(Good.Length / 2)])];

        var first = ImageTestSite.Build(site, files, new ImageOptions { CacheFolder = cache.Folder }).Result;
        var second = ImageTestSite.Build(site, files, new ImageOptions { CacheFolder = cache.Folder }).Result;

        Assert.Equal(first.Errors.Select(e => e.ToString()), second.Errors.Select(e => e.ToString()));
        Assert.Single(second.Errors);
    }

    [Fact]
    public void A_plain_link_to_a_corrupt_file_is_not_an_image_problem()
    {
        var (result, _) = ImageTestSite.Build(TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            ---
            [Download the raw data](data.png)
            """, [("content/data.png", "not a png"u8.ToArray())], new ImageOptions());

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_corrupt_front_matter_image_is_an_error_at_the_page()
    {
        var (result, _) = ImageTestSite.Build(TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            image: cover.png
            ---
            Text.
            """, [("content/cover.png", "not a png"u8.ToArray())], new ImageOptions());

        var error = Assert.Single(result.Errors);
        Assert.Equal("content/index.md", error.Location.File);
        Assert.Contains("'image'", error.Message, StringComparison.Ordinal);
    }
}
