using System.Text;

namespace InternalSite.Tests.Cli;

/// <summary>
/// <c>build</c> on the build server (the process that keeps the last build in memory): same bytes as a build in its own
/// process after every kind of edit, errors reported the same way, no trust in its memory once another process
/// built, and it goes away when idle or asked to.
/// </summary>
public sealed class BuildServerTests
{
    private const string Note = "content/products/atlas/releases/2.4.md";

    private static readonly Dictionary<string, string> OnServer = new()
    {
        ["INTERNALSITE_BUILD_SERVER"] = "1",
        ["INTERNALSITE_BUILD_SERVER_IDLE_SECONDS"] = "120",
        ["SOURCE_DATE_EPOCH"] = "1790000000",
    };

    [Fact]
    public void Builds_on_the_server_write_the_same_bytes_as_a_full_build_after_each_edit()
    {
        using var site = TempSite.From(GoodSite.Files);
        try
        {
            var first = Build(site, "--timings");
            Assert.Contains("Started a build server", first.StdOut, StringComparison.Ordinal);
            Assert.Contains("garbage collection (build server)", first.StdOut, StringComparison.Ordinal);

            Edit(site, Note, "Things.", "Things, and more things.");
            var second = Build(site, "--timings");
            Assert.DoesNotContain("Started a build server", second.StdOut, StringComparison.Ordinal);
            Assert.Contains("garbage collection (build server)", second.StdOut, StringComparison.Ordinal);
            AssertSameAsFullBuild(site, "after a body edit");

            Edit(site, Note, "title: Atlas 2.4", "title: Atlas 2.4 (maps)");
            Build(site);
            AssertSameAsFullBuild(site, "after a title edit");

            File.Delete(Path.Combine(site.Root, "content/about.md"));
            Build(site);
            AssertSameAsFullBuild(site, "after a page was deleted");
        }
        finally
        {
            Stop(site);
        }
    }

    [Fact]
    public void A_content_error_on_the_server_is_reported_at_its_place_and_leaves_the_last_output()
    {
        using var site = TempSite.From(GoodSite.Files);
        try
        {
            Build(site);
            var before = TempSite.Snapshot(site.Output);
            Edit(site, Note, "date: 2026-03-01", "date: 2026-02-30");
            var broken = site.Run(OnServer, "build");
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("products/atlas/releases/2.4.md(", broken.StdErr, StringComparison.Ordinal);
            Assert.Contains("): error", broken.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", broken.All, StringComparison.Ordinal);
            TempSite.AssertSame(before, TempSite.Snapshot(site.Output), "the last good output");

            Edit(site, Note, "date: 2026-02-30", "date: 2026-03-02");
            Build(site);
            AssertSameAsFullBuild(site, "after the fix");
        }
        finally
        {
            Stop(site);
        }
    }

    [Theory]
    [InlineData("--no-server")]
    [InlineData("--no-cache")]
    public void The_server_does_not_trust_its_memory_once_another_process_built(string otherBuild)
    {
        using var site = TempSite.From(GoodSite.Files);
        try
        {
            Build(site);
            // The same length, so only what the builds know (not the files' sizes) can tell the outputs apart.
            Edit(site, Note, "Things.", "Thongs.");
            var other = site.Run(OnServer, "build", otherBuild);
            Assert.True(other.ExitCode == 0, other.ToString());
            Assert.Contains("Thongs.", File.ReadAllText(Path.Combine(site.Output, "products/atlas/releases/2.4/index.html")), StringComparison.Ordinal);

            // Back to the text the server last built: its memory says the output holds it, but the other build replaced it.
            Edit(site, Note, "Thongs.", "Things.");
            Build(site);
            AssertSameAsFullBuild(site, $"after a build with {otherBuild} in between");
        }
        finally
        {
            Stop(site);
        }
    }

    [Fact]
    public void An_idle_server_stops_by_itself_and_stop_ends_a_running_one()
    {
        using var site = TempSite.From(GoodSite.Files);
        var quick = new Dictionary<string, string>(OnServer) { ["INTERNALSITE_BUILD_SERVER_IDLE_SECONDS"] = "1" };
        var built = site.Run(quick, "build");
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Contains("Started a build server", built.StdOut, StringComparison.Ordinal);
        Assert.True(SpinUntil(() => site.Run("build-server", "stop").StdOut.Contains("No build server runs", StringComparison.Ordinal)),
            "the idle server did not stop");

        Build(site);
        Assert.Contains("Stopped the build server", site.Run("build-server", "stop").StdOut, StringComparison.Ordinal);
        Assert.Contains("No build server runs", site.Run("build-server", "stop").StdOut, StringComparison.Ordinal);
    }

    private static CliResult Build(TempSite site, params string[] args)
    {
        var result = site.Run(OnServer, ["build", .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static void AssertSameAsFullBuild(TempSite site, string what)
    {
        var reference = Path.Combine(site.Root, "..", Path.GetFileName(site.Root) + "-full");
        try
        {
            var full = site.Run(OnServer, "build", "--no-cache", "--output", reference);
            Assert.True(full.ExitCode == 0, full.ToString());
            TempSite.AssertSame(TempSite.Snapshot(reference), TempSite.Snapshot(site.Output), what);
        }
        finally
        {
            Directory.Delete(reference, recursive: true);
        }
    }

    private static void Edit(TempSite site, string path, string from, string to)
    {
        var full = Path.Combine(site.Root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal), new UTF8Encoding(false));
    }

    private static void Stop(TempSite site) => site.Run("build-server", "stop");

    private static bool SpinUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(200);
        }

        return false;
    }
}
