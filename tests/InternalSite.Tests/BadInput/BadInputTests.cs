using InternalSite.Tests.Cli;

namespace InternalSite.Tests.BadInput;

/// <summary>
/// Each bad input, through the real command line: build a good site, break one file, build again. The second build
/// must exit 1, print the exact diagnostic at file(line,col), show no stack trace, finish quickly, and leave the last
/// good output byte-for-byte as it was.
/// </summary>
public sealed class BadInputTests(BuiltGoodSite good) : IClassFixture<BuiltGoodSite>
{
    public static TheoryData<string> Cases() => BadInputCases.Names();

    [Fact]
    public void The_good_site_builds()
    {
        Assert.True(good.FirstBuild.ExitCode == 0, good.FirstBuild.ToString());
        Assert.Contains("products/atlas/releases/2.4/index.html", good.OutputSnapshot.Keys);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_fails_the_build_with_its_diagnostic_and_keeps_the_last_good_output(string name)
    {
        Assert.True(good.FirstBuild.ExitCode == 0, good.FirstBuild.ToString());
        var bad = BadInputCases.Named(name);
        using var site = TempSite.CopyOf(good.Site.Root);
        foreach (var (path, bytes) in bad.Files)
        {
            site.Write(path, bytes);
        }

        var content = TempSite.Snapshot(Path.Combine(site.Root, "content"));
        var result = site.Run("build");

        Assert.True(result.ExitCode == 1, result.ToString());
        var errorLines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(string.Join("\n", bad.Diagnostics), string.Join("\n", errorLines));
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.All, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"the build took {result.Elapsed.TotalSeconds:0.0}s");

        TempSite.AssertSame(good.OutputSnapshot, TempSite.Snapshot(site.Output), "the output after a failed build");
        TempSite.AssertSame(content, TempSite.Snapshot(Path.Combine(site.Root, "content")), "content/ after a failed build");
        Assert.Empty(Directory.GetDirectories(site.Root, "._site.*"));
    }
}
