using System.Text;
using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Content;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// <c>build</c> records each site file's stamp (size, times, inode) and content hash, and the next build reads only the
/// files whose stamp changed; a file changed too close to when it was recorded is read again (git's "racily clean").
/// Files written by a test are always that recent, so most tests give the moment the build starts looking themselves.
/// </summary>
public sealed class SourceRecordsTests : IDisposable
{
    private const string Guide = SampleSite.AtlasGuide;
    private const string Release = SampleSite.AtlasRelease;
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly Serve.TempSite site = new();

    public SourceRecordsTests()
    {
        Write(Guide, "---\ntitle: Setup\n---\nInstall it.\n");
        Write(Release, "---\ntitle: One\n---\nFirst.\n");
    }

    private string Root => site.Root;

    private string Cache => Path.Combine(Root, ".internalsite-cache");

    /// <summary>A moment after every stamp a test makes: nothing is too recent to record.</summary>
    private static long Later => FileStamp.ClockNow() + 3_600_000_000_000;

    public void Dispose() => site.Dispose();

    [Fact]
    public void Files_whose_stamp_is_unchanged_are_not_read_and_keep_their_recorded_hash()
    {
        var first = Record(Later);
        var second = SiteSource.FromDirectory(Root, Cache, Later);

        Assert.All(second.All.Where(f => f.IsMarkdown), file => Assert.False(file.IsRead, $"{file.Path} was read"));
        Assert.All(second.All.Where(f => !f.IsMarkdown), file => Assert.True(file.IsRead, $"{file.Path} was not read"));
        Assert.All(second.All, file => Assert.Equal(first.Get(file.Path)!.ContentHash, file.ContentHash));
        Assert.Equal(first.Get(Guide)!.Length, second.Get(Guide)!.Length);

        // The bytes are still there when asked for.
        Assert.Equal("---\ntitle: Setup\n---\nInstall it.\n", Encoding.UTF8.GetString(second.Get(Guide)!.Bytes));
        Assert.True(second.Get(Guide)!.IsRead);
    }

    [Fact]
    public void A_file_edited_with_its_modified_time_set_back_but_a_new_size_is_read_again()
    {
        File.SetLastWriteTimeUtc(Full(Guide), LongAgo);
        Record(Later);

        Write(Guide, "---\ntitle: Setup\n---\nInstall it twice.\n");
        File.SetLastWriteTimeUtc(Full(Guide), LongAgo);
        var source = SiteSource.FromDirectory(Root, Cache, Later);

        Assert.True(source.Get(Guide)!.IsRead);
        Assert.Equal(StableHashOf("---\ntitle: Setup\n---\nInstall it twice.\n"), source.Get(Guide)!.ContentHash);
        Assert.False(source.Get(Release)!.IsRead);
    }

    [Fact]
    public void A_file_edited_with_its_size_and_modified_time_kept_is_read_again_where_the_change_time_is_known()
    {
        File.SetLastWriteTimeUtc(Full(Guide), LongAgo);
        var before = FileStamp.Of(Full(Guide))!.Value;
        Record(Later);
        Thread.Sleep(20);

        Write(Guide, "---\ntitle: Setup\n---\nInstall IT.\n");
        File.SetLastWriteTimeUtc(Full(Guide), LongAgo);
        var after = FileStamp.Of(Full(Guide))!.Value;
        Assert.Equal((before.Size, before.ModifiedNs), (after.Size, after.ModifiedNs));
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var source = SiteSource.FromDirectory(Root, Cache, Later);
        Assert.True(source.Get(Guide)!.IsRead);
        Assert.Equal(StableHashOf("---\ntitle: Setup\n---\nInstall IT.\n"), source.Get(Guide)!.ContentHash);
    }

    [Fact]
    public void Files_changed_since_the_build_started_looking_are_not_recorded_and_are_read_again()
    {
        // Written just now, as in the same tick of the file system's clock as the build: not trusted next time.
        var first = Record(moment: null);
        Assert.Empty(LoadRecords());

        // Same size, so only a new time could show the edit, and within one tick it may not.
        Write(Guide, "---\ntitle: Setup\n---\nInstall IT.\n");
        var second = SiteSource.FromDirectory(Root, Cache);

        Assert.All(second.All, file => Assert.True(file.IsRead, $"{file.Path} was trusted"));
        Assert.NotEqual(first.Get(Guide)!.ContentHash, second.Get(Guide)!.ContentHash);
    }

    [Fact]
    public void A_stamp_is_racy_when_modified_or_changed_at_or_after_the_moment_of_looking()
    {
        var stamp = new FileStamp(10, ModifiedNs: 1_000, ChangedNs: 2_000, Inode: 7, Device: 1);

        Assert.False(stamp.IsRacy(2_001));
        Assert.True(stamp.IsRacy(2_000));
        Assert.True(stamp.IsRacy(1_000));
    }

    [Fact]
    public void Renamed_deleted_and_added_files_are_seen()
    {
        Record(Later);
        const string renamed = "content/products/atlas/releases/2.0.1.md";
        const string added = "content/products/atlas/releases/3.0.0.md";
        File.Move(Full(Release), Full(renamed));
        File.Delete(Full(Guide));
        Write(added, "---\ntitle: Two\n---\nSecond.\n");

        var source = SiteSource.FromDirectory(Root, Cache, Later);

        Assert.Null(source.Get(Release));
        Assert.Null(source.Get(Guide));
        Assert.True(source.Get(renamed)!.IsRead);
        Assert.Equal("---\ntitle: One\n---\nFirst.\n", Encoding.UTF8.GetString(source.Get(renamed)!.Bytes));
        Assert.True(source.Get(added)!.IsRead);
        Assert.False(source.Get("content/products/atlas/index.md")!.IsRead);
    }

    [Fact]
    public void A_file_replaced_by_another_of_the_same_size_and_times_is_read_again_where_inodes_are_known()
    {
        const string twin = "content/twin.md";
        Write(twin, "---\ntitle: Eno\n---\nFirst.\n");
        File.SetLastWriteTimeUtc(Full(Release), LongAgo);
        File.SetLastWriteTimeUtc(Full(twin), LongAgo);
        Record(Later);

        File.Move(Full(twin), Full(Release), overwrite: true);
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var source = SiteSource.FromDirectory(Root, Cache, Later);
        Assert.True(source.Get(Release)!.IsRead);
        Assert.Equal("---\ntitle: Eno\n---\nFirst.\n", Encoding.UTF8.GetString(source.Get(Release)!.Bytes));
    }

    [Fact]
    public void A_file_not_read_up_front_that_changed_since_is_refused_rather_than_mixed_in()
    {
        Record(Later);
        var source = SiteSource.FromDirectory(Root, Cache, Later);
        Write(Guide, "---\ntitle: Setup\n---\nChanged mid-build.\n");

        var changed = Assert.Throws<SourceChangedException>(() => source.Get(Guide)!.Bytes);
        Assert.Equal(Guide, changed.SourcePath);
    }

    [Fact]
    public void Records_from_another_tool_version_or_damaged_are_ignored()
    {
        Record(Later);
        var path = Path.Combine(Cache, "sources.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var source = SiteSource.FromDirectory(Root, Cache, Later);

        Assert.Empty(LoadRecords());
        Assert.All(source.All, file => Assert.True(file.IsRead));
    }

    [Fact]
    public void Without_a_cache_every_file_is_read_and_nothing_is_recorded()
    {
        using var sample = new Serve.TempSite();
        var result = SiteBuilder.BuildToFolder(sample.Root, Path.Combine(sample.Folder, "out"), new BuildOptions { Now = TestSite.Now });

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.False(File.Exists(Path.Combine(IncrementalState.DefaultFolder(sample.Root), "sources.bin")));
        Assert.All(SiteSource.FromDirectory(sample.Root).All, file => Assert.True(file.IsRead));
    }

    [Fact]
    public void A_build_with_a_cache_records_the_files_and_a_later_build_equals_a_full_one()
    {
        using var sample = new Serve.TempSite();
        var output = Path.Combine(sample.Folder, "out");
        var cache = IncrementalState.DefaultFolder(sample.Root);
        var options = new BuildOptions { Now = TestSite.Now, CacheFolder = cache };
        Assert.True(SiteBuilder.BuildToFolder(sample.Root, output, options).Succeeded);
        Assert.True(File.Exists(Path.Combine(cache, "sources.bin")));

        sample.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel.");
        var result = SiteBuilder.BuildToFolder(sample.Root, output, options);
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var full = Path.Combine(sample.Folder, "full");
        Assert.True(SiteBuilder.BuildToFolder(sample.Root, full, new BuildOptions { Now = TestSite.Now }).Succeeded);
        var expected = Directory.GetFiles(full, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(full, f)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal));
        foreach (var relative in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(full, relative)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, relative))), $"{relative} differs");
        }

        Assert.Contains("Ask Ann in the channel.", File.ReadAllText(Path.Combine(output, "products/atlas/guides/setup/index.html")));
    }

    /// <summary>Reads the site as a build with a cache does, hashes every file (as the build's parse does) and saves the records.</summary>
    private SiteSource Record(long? moment)
    {
        var source = SiteSource.FromDirectory(Root, Cache, moment);
        foreach (var file in source.All)
        {
            _ = file.ContentHash;
        }

        SourceRecords.Save(Cache, source);
        return source;
    }

    private Dictionary<string, SourceRecords.Recorded> LoadRecords() => SourceRecords.Load(Cache);

    private static string StableHashOf(string text) => StableHash.Of(Encoding.UTF8.GetBytes(text));

    private string Full(string relative) => Path.Combine(Root, relative);

    private void Write(string relative, string text)
    {
        var path = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
