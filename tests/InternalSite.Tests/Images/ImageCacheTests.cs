using InternalSite.Outputs.Images;
using InternalSite.Tests.Support;
using SkiaSharp;

namespace InternalSite.Tests.Images;

public sealed class ImageCacheTests
{
    private const string Site = TestSite.Config + """

        -- content/index.md --
        ---
        title: Home
        ---
        ![A chart](chart.png)
        -- content/products/atlas/index.md --
        ---
        title: Atlas
        status: beta
        ---
        ![A photo](photo.jpg)
        """;

    private static (string, byte[])[] Images(int chartWidth = 1000) =>
    [
        ("content/chart.png", ImageTestSite.Picture(chartWidth, 500, SKEncodedImageFormat.Png)),
        ("content/products/atlas/photo.jpg", ImageTestSite.Picture(1200, 800, SKEncodedImageFormat.Jpeg)),
    ];

    [Fact]
    public void A_key_is_the_sha256_of_its_length_prefixed_parts_so_caches_of_earlier_builds_stay_valid()
    {
        object[] parts = ["card-v3", 1200, "Fernhill Tools", "Atlas 2.0 · ünïcode", new byte[] { 1, 2, 3 }, string.Empty];
        using var expected = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = part as byte[] ?? System.Text.Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture)!);
            expected.AppendData(BitConverter.GetBytes(bytes.Length));
            expected.AppendData(bytes);
        }

        Assert.Equal(Convert.ToHexStringLower(expected.GetHashAndReset()), ImageCache.Key(parts));
        Assert.NotEqual(ImageCache.Key("ab", "c"), ImageCache.Key("a", "bc"));
    }

    [Fact]
    public void A_second_build_of_unchanged_content_processes_no_image_and_draws_no_card()
    {
        using var cache = new TemporaryCache();
        var first = new ImageWork();
        var (firstResult, firstOutput) = ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder, Work = first });
        Assert.True(firstResult.Succeeded, TestSite.Errors(firstResult));
        Assert.Equal(2, first.ImagesProcessed);
        Assert.True(first.CardsDrawn >= 2, first.ToString());

        var second = new ImageWork();
        var (_, secondOutput) = ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder, Work = second });
        Assert.Equal(0, second.ImagesProcessed);
        Assert.Equal(0, second.CardsDrawn);
        Assert.Equal(2, second.ImagesFromCache);
        Assert.Equal(first.CardsDrawn, second.CardsFromCache);
        Assert.Equal(firstOutput.Files.Keys.Order(), secondOutput.Files.Keys.Order());
        foreach (var (path, bytes) in firstOutput.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(secondOutput.Files[path]), $"{path} differs between a cold and a warm build");
        }
    }

    [Fact]
    public void Changed_bytes_or_settings_are_processed_again_and_only_they()
    {
        using var cache = new TemporaryCache();
        ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder });

        var changedImage = new ImageWork();
        ImageTestSite.Build(Site, Images(chartWidth: 1100), new ImageOptions { CacheFolder = cache.Folder, Work = changedImage });
        Assert.Equal(1, changedImage.ImagesProcessed);
        Assert.Equal(0, changedImage.CardsDrawn);

        var changedSettings = new ImageWork();
        ImageTestSite.Build(Site, Images(chartWidth: 1100), new ImageOptions { CacheFolder = cache.Folder, Work = changedSettings, Widths = [320, 640] });
        Assert.Equal(2, changedSettings.ImagesProcessed);

        var renamedPortal = new ImageWork();
        ImageTestSite.Build(Site.Replace("title: Test Portal", "title: Renamed Portal"), Images(chartWidth: 1100),
            new ImageOptions { CacheFolder = cache.Folder, Work = renamedPortal, Widths = [320, 640] });
        Assert.Equal(0, renamedPortal.ImagesProcessed);
        Assert.Equal(0, renamedPortal.CardsFromCache);
        Assert.True(renamedPortal.CardsDrawn >= 2, renamedPortal.ToString());
    }

    [Fact]
    public void A_deleted_cache_is_rebuilt_and_gives_the_same_files()
    {
        using var cache = new TemporaryCache();
        var (_, before) = ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder });
        Directory.Delete(cache.Folder, recursive: true);

        var work = new ImageWork();
        var (result, after) = ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder, Work = work });
        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal(2, work.ImagesProcessed);
        Assert.True(before.Files["social/index.png"].AsSpan().SequenceEqual(after.Files["social/index.png"]));
        Assert.True(before.Files["chart.webp"].AsSpan().SequenceEqual(after.Files["chart.webp"]));
    }

    [Fact]
    public void A_site_in_memory_without_a_cache_option_writes_no_cache_anywhere()
    {
        Assert.Null(ImageOptions.Default.ResolveCache(siteRoot: null).CacheFolder);
        var work = new ImageWork();
        var (result, output) = ImageTestSite.Build(Site, Images(), new ImageOptions { Work = work });

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal(2, work.ImagesProcessed);
        Assert.True(output.Files.ContainsKey("chart-480w.webp"));
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, ImageOptions.DefaultCacheFolderName)));
    }

    [Fact]
    public void A_build_that_must_write_nothing_reads_the_cache_but_never_writes_it()
    {
        using var cache = new TemporaryCache();
        var work = new ImageWork();
        var (result, output) = ImageTestSite.Build(Site, Images(), new ImageOptions { CacheFolder = cache.Folder, WriteCache = false, Work = work });

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal(2, work.ImagesProcessed);
        Assert.True(output.Files.ContainsKey("chart-480w.webp"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache.Folder));
    }

    [Fact]
    public void A_site_folder_caches_inside_the_site_not_the_output()
    {
        var resolved = ImageOptions.Default.ResolveCache("/srv/portal");
        Assert.Equal(Path.Combine("/srv/portal", ".internalsite-cache"), resolved.CacheFolder);
        Assert.Equal("/elsewhere", new ImageOptions { CacheFolder = "/elsewhere" }.ResolveCache("/srv/portal").CacheFolder);
    }
}
