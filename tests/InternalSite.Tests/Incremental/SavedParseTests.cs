using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Content;
using InternalSite.Outputs;
using InternalSite.Tests.Core;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// <c>build</c> saves each page's front matter parse in its cache file and reuses it while the file's bytes and the
/// config are unchanged. Every fixture site (all kinds of page and of front matter problem) built from saved parses
/// must write and report exactly what parsing every file again does.
/// </summary>
public sealed class SavedParseTests : IDisposable
{
    private readonly string cacheFolder = Path.Combine(Path.GetTempPath(), "internalsite-parse-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(cacheFolder))
        {
            Directory.Delete(cacheFolder, recursive: true);
        }
    }

    public static TheoryData<string> Fixtures() => FixtureTests.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_built_from_saved_parses_equals_a_fresh_build(string fixture)
    {
        var source = FixtureSource(fixture);
        var options = new BuildOptions { Now = TestSite.Now, Drafts = true };

        var fresh = new MemoryOutputSink();
        var expected = SiteBuilder.Build(source, options, fresh);

        // One build fills the cache, which is saved and read back: the second build starts from the file alone.
        var state = SaveAndLoad(source, options);
        Assert.NotEmpty(state.Memory.ParsedPages);
        Assert.All(state.Memory.ParsedPages.Values, entry => Assert.Null(entry.Parsed));

        var fromCache = new MemoryOutputSink();
        var actual = SiteBuilder.Build(source, options with { Incremental = state }, fromCache);

        // Every page came from the cache: a parse made again would have no saved form.
        Assert.All(state.Memory.ParsedPages.Values, entry => Assert.True(entry.Parsed is null || entry.Encoded is not null));
        Assert.Equal(expected.Diagnostics.Select(d => d.ToString()), actual.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(fresh.Files.Keys.Order(StringComparer.Ordinal), fromCache.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in fresh.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(fromCache.Files[path]), $"{path} differs when built from saved parses");
        }
    }

    [Fact]
    public void An_edited_file_is_parsed_again_and_the_others_are_not()
    {
        var files = SampleSite.Files();
        var options = new BuildOptions { Now = TestSite.Now };
        var source = Source(files);
        var state = SaveAndLoad(source, options);

        files[SampleSite.AtlasRelease] = files[SampleSite.AtlasRelease].Replace("title: Atlas 2.0", "title: Atlas 2.0 final", StringComparison.Ordinal);
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(Source(files), options with { Incremental = state }, sink);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Null(state.Memory.ParsedPages[SampleSite.AtlasRelease].Encoded);
        Assert.NotNull(state.Memory.ParsedPages[SampleSite.AtlasGuide].Encoded);
        Assert.Contains("Atlas 2.0 final", sink.Text("products/atlas/releases/2.0.0/index.html"));
    }

    [Fact]
    public void A_config_change_parses_every_file_again()
    {
        var files = SampleSite.Files();
        var options = new BuildOptions { Now = TestSite.Now };
        var state = SaveAndLoad(Source(files), options);

        files["site.config.yml"] = files["site.config.yml"].Replace("timezone: Europe/London", "timezone: America/New_York", StringComparison.Ordinal);
        var sink = new MemoryOutputSink();
        Assert.True(SiteBuilder.Build(Source(files), options with { Incremental = state }, sink).Succeeded);

        Assert.All(state.Memory.ParsedPages.Values, entry => Assert.Null(entry.Encoded));
    }

    private IncrementalState SaveAndLoad(SiteSource source, BuildOptions options)
    {
        var state = new IncrementalState();
        SiteBuilder.Build(source, options with { Incremental = state }, new MemoryOutputSink());
        CacheFile.Save(state, cacheFolder);
        return CacheFile.Load(cacheFolder);
    }

    private static SiteSource FixtureSource(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture, "site.txt"));
        if (!text.Contains("-- site.config.yml --", StringComparison.Ordinal))
        {
            text = TestSite.Config + "\n" + text;
        }

        return SiteSource.FromText(text);
    }

    private static SiteSource Source(Dictionary<string, string> files) =>
        new(files.Select(f => new SourceFile(f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value))).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray());
}
