namespace InternalSite.Tests.Cli;

/// <summary>The command line as a writer meets it: init, new, build, check, help and usage errors, through the real process.</summary>
public sealed class CliCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("new")]
    [InlineData("init")]
    public void Help_exits_0_for_every_command(params string[] command)
    {
        using var site = TempSite.Empty();
        var result = site.Run([.. command, "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "--bogus")]
    [InlineData("check", "--nope")]
    [InlineData("publish")]
    [InlineData("build", "--output")]
    public void A_usage_error_exits_2_without_a_stack_trace(params string[] args)
    {
        using var site = TempSite.From(GoodSite.Files);
        var result = site.Run(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output), "a usage error must not build");
    }

    [Fact]
    public void Build_timings_show_the_stages_around_the_build_as_well_as_inside_it()
    {
        using var site = TempSite.From(GoodSite.Files);
        var cold = site.Run("build", "--no-cache", "--timings");
        Assert.True(cold.ExitCode == 0, cold.ToString());
        string[] withoutCache = ["site files", "front matter", "markdown", "outputs", "pages", "link check", "output commit"];
        Assert.All(withoutCache, stage => Assert.Contains($"│ {stage} ", cold.StdOut.Replace("│   ", "│ ", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.DoesNotContain("cache load", cold.StdOut, StringComparison.Ordinal);

        var cached = site.Run("build", "--timings");
        Assert.True(cached.ExitCode == 0, cached.ToString());
        string[] withCache = ["files and cache", "site files", "cache load", "output commit", "cache save"];
        Assert.All(withCache, stage => Assert.Contains($"│ {stage} ", cached.StdOut.Replace("│   ", "│ ", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Init_then_build_succeeds()
    {
        using var parent = TempSite.Empty();
        var init = parent.Run("init", "portal");
        Assert.True(init.ExitCode == 0, init.ToString());

        var build = parent.Run("build", "--site", "portal");
        Assert.True(build.ExitCode == 0, build.ToString());
        var output = Path.Combine(parent.Root, "portal", "_site");
        Assert.True(File.Exists(Path.Combine(output, "products", "example", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "products", "example", "releases", "1.0.0", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "products", "example", "guides", "getting-started", "index.html")));

        var again = parent.Run("init", "portal");
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("already holds a site", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void New_writes_a_page_of_every_kind_that_builds()
    {
        using var parent = TempSite.Empty();
        Assert.Equal(0, parent.Run("init", "portal").ExitCode);
        var site = Path.Combine(parent.Root, "portal");
        string[][] commands =
        [
            ["new", "product", "Beacon Tracker"],
            ["new", "release", "example", "Example 1.1.0"],
            ["new", "guide", "example", "Admin tips"],
            ["new", "newsletter", "March news"],
            ["new", "event", "example", "Example clinic"],
            ["new", "page", "About us"],
        ];
        var written = new List<string>();
        foreach (var command in commands)
        {
            var result = CliProcess.Run(site, command);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: {result}");
            written.Add(result.StdOut.Trim());
        }

        Assert.Contains("wrote content/products/beacon-tracker/index.md", written);
        Assert.Contains("wrote content/products/example/releases/1.1.0.md", written);
        Assert.Contains("wrote content/products/example/guides/admin-tips.md", written);
        Assert.Contains("wrote content/office-hours/example-clinic.md", written);
        Assert.Contains("wrote content/about-us.md", written);

        var build = CliProcess.Run(site, "build");
        Assert.True(build.ExitCode == 0, build.ToString());
        var output = Path.Combine(site, "_site");
        Assert.True(File.Exists(Path.Combine(output, "products", "beacon-tracker", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "products", "example", "releases", "1.1.0", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "office-hours", "example-clinic", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "about-us", "index.html")));

        var twice = CliProcess.Run(site, "new", "page", "About us");
        Assert.True(twice.ExitCode == 1, twice.ToString());
        Assert.Contains("content/about-us.md(1,1): error: the file already exists", twice.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("widget", "Thing")]
    [InlineData("release", "Atlas 1.0.0")]
    public void New_with_a_wrong_request_is_a_usage_error(string kind, string title)
    {
        using var site = TempSite.From(GoodSite.Files);
        var result = site.Run("new", kind, title);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("internalsite: ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_errors_and_writes_nothing()
    {
        using var site = TempSite.From(GoodSite.Files);
        Assert.Equal(0, site.Run("check").ExitCode);
        site.Write("""
            -- content/about.md --
            ---
            title: About
            ---
            See [nothing](nothing.md).
            """);
        var before = TempSite.Snapshot(site.Root);
        var result = site.Run("check");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("content/about.md(4,5): error: no page at 'content/nothing.md' for link 'nothing.md'", result.StdErr, StringComparison.Ordinal);
        TempSite.AssertSame(before, TempSite.Snapshot(site.Root), "the site after check");
        Assert.False(Directory.Exists(site.Output));
    }
}
