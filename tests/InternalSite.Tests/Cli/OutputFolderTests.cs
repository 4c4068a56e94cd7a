namespace InternalSite.Tests.Cli;

/// <summary>Where a build may write, and that it writes the same bytes every time on any machine.</summary>
public sealed class OutputFolderTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("content")]
    [InlineData("content/out")]
    [InlineData("..")]
    [InlineData("themes")]
    public void An_output_folder_that_is_or_holds_the_site_or_content_is_refused(string output)
    {
        using var site = TempSite.From(GoodSite.Files);
        var before = TempSite.Snapshot(site.Root);
        var result = site.Run("build", "--output", output);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("site.config.yml(1,1): error: the output folder", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        TempSite.AssertSame(before, TempSite.Snapshot(site.Root), "the site after a refused build");
    }

    [Fact]
    public void An_output_folder_in_the_config_inside_content_is_refused()
    {
        using var site = TempSite.From(GoodSite.Files);
        site.Write("-- site.config.yml --\ntitle: T\nbaseUrl: https://portal.example.internal/\noutput: content/public\n");
        var result = site.Run("build");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is content/ or overlaps it", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "content", "public")));
    }

    [Fact]
    public void A_build_never_writes_into_content()
    {
        using var site = TempSite.From(GoodSite.Files);
        var before = TempSite.Snapshot(Path.Combine(site.Root, "content"));
        Assert.Equal(0, site.Run("build").ExitCode);
        Assert.Equal(0, site.Run("build", "--drafts", "--future").ExitCode);
        TempSite.AssertSame(before, TempSite.Snapshot(Path.Combine(site.Root, "content")), "content/ after two builds");
        // No staging folder is left behind; the only hidden folder is the build cache, which lives outside content/.
        Assert.All(Directory.GetDirectories(site.Root, ".*"), d => Assert.Equal(".internalsite-cache", Path.GetFileName(d)));
    }

    [Fact]
    public void Two_builds_of_unchanged_input_are_byte_identical()
    {
        using var site = TempSite.From(GoodSite.Files);
        Assert.Equal(0, site.Run("build", "--output", "out-1").ExitCode);
        Assert.Equal(0, site.Run("build", "--output", "out-2").ExitCode);
        var first = TempSite.Snapshot(Path.Combine(site.Root, "out-1"));
        TempSite.AssertSame(first, TempSite.Snapshot(Path.Combine(site.Root, "out-2")), "a second build");

        // Rebuilding in place keeps the same bytes too (unchanged files are kept, not rewritten).
        Assert.Equal(0, site.Run("build", "--output", "out-1").ExitCode);
        TempSite.AssertSame(first, TempSite.Snapshot(Path.Combine(site.Root, "out-1")), "a rebuild in place");
    }

    [Fact]
    public void A_rebuild_removes_what_it_no_longer_emits_and_never_walks_a_link_out_of_the_output()
    {
        using var site = TempSite.From(GoodSite.Files);
        Assert.Equal(0, site.Run("build").ExitCode);
        var output = Path.Combine(site.Root, "_site");
        var kept = TempSite.Snapshot(output);

        // Stray files and folders, one of them empty, and a link to a folder outside the output.
        File.WriteAllText(Path.Combine(output, "stray.html"), "stray");
        Directory.CreateDirectory(Path.Combine(output, "old", "deep", "er"));
        File.WriteAllText(Path.Combine(output, "old", "deep", "page.html"), "old");
        Directory.CreateDirectory(Path.Combine(output, "empty"));
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "not the output's");
        Directory.CreateSymbolicLink(Path.Combine(output, "linked"), outside);

        Assert.Equal(0, site.Run("build").ExitCode);
        TempSite.AssertSame(kept, TempSite.Snapshot(output), "the output after a rebuild over stray files");
        Assert.False(Directory.Exists(Path.Combine(output, "old")));
        Assert.False(Directory.Exists(Path.Combine(output, "empty")));
        Assert.False(Path.Exists(Path.Combine(output, "linked")));
        Assert.Equal("not the output's", File.ReadAllText(Path.Combine(outside, "keep.txt")));
    }

    [Fact]
    public void A_file_deleted_or_replaced_in_the_output_by_hand_is_put_back_by_the_next_incremental_build()
    {
        using var site = TempSite.From(GoodSite.Files);
        Assert.Equal(0, site.Run("build").ExitCode);
        var output = Path.Combine(site.Root, "_site");
        var built = TempSite.Snapshot(output);
        var pages = built.Keys.Where(path => path.EndsWith("/index.html", StringComparison.Ordinal)).ToList();

        // One page deleted; another replaced the way editors save, by a new file moved over it (here one of the same size).
        File.Delete(Path.Combine(output, pages[0]));
        var replaced = Path.Combine(output, pages[1]);
        File.WriteAllBytes(replaced + ".new", new byte[built[pages[1]].Length]);
        File.Move(replaced + ".new", replaced, overwrite: true);

        Assert.Equal(0, site.Run("build").ExitCode);
        TempSite.AssertSame(built, TempSite.Snapshot(output), "the output after an incremental build over hand-made changes");
    }

    [Fact]
    public void The_output_does_not_depend_on_the_machines_culture_or_time_zone()
    {
        using var site = TempSite.From(GoodSite.Files);
        Assert.Equal(0, site.Run("build", "--output", "out-default").ExitCode);
        var elsewhere = new Dictionary<string, string>
        {
            ["TZ"] = "Pacific/Auckland",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false",
        };
        var result = site.Run(elsewhere, "build", "--output", "out-auckland");
        Assert.True(result.ExitCode == 0, result.ToString());
        TempSite.AssertSame(
            TempSite.Snapshot(Path.Combine(site.Root, "out-default")),
            TempSite.Snapshot(Path.Combine(site.Root, "out-auckland")),
            "a build in Auckland with a Turkish locale");
    }
}
