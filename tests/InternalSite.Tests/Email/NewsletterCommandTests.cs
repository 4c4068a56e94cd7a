using System.Diagnostics;
using System.Reflection;

namespace InternalSite.Tests.Email;

/// <summary><c>internalsite newsletter export</c> run as a user runs it: a separate process, checking exit codes and files.</summary>
public sealed class NewsletterCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("internalsite-export-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var cli = Assembly.Load("InternalSite.Cli").Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SOURCE_DATE_EPOCH"] = "1793534400"; // 2026-11-01T12:00Z, the tests' fixed now
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the CLI did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Export_writes_the_three_files_to_the_out_folder_and_exits_0()
    {
        var outFolder = Path.Combine(temp, "out");

        var (code, _, error) = Run("newsletter", "export", EmailFixture.Slug, "--site", EmailFixture.SitePath, "--out", outFolder);

        Assert.True(code == 0, error);
        Assert.Equal(["2026-10.eml", "2026-10.html", "2026-10.txt"], Directory.GetFiles(outFolder).Select(f => Path.GetFileName(f)!).Order().ToArray());
        Assert.Equal(EmailFixture.Newsletter.Eml, File.ReadAllBytes(Path.Combine(outFolder, "2026-10.eml")));
        Assert.Equal(EmailFixture.Newsletter.Text, File.ReadAllText(Path.Combine(outFolder, "2026-10.txt")));
    }

    [Fact]
    public void Export_all_writes_every_newsletter()
    {
        var (code, _, error) = Run("newsletter", "export", "--all", "--site", EmailFixture.SitePath, "--out", temp);

        Assert.True(code == 0, error);
        Assert.Equal(6, Directory.GetFiles(temp).Length);
        Assert.True(File.Exists(Path.Combine(temp, "2026-09.eml")));
    }

    [Fact]
    public void An_unknown_slug_exits_2_and_lists_the_available_ones()
    {
        var (code, _, error) = Run("newsletter", "export", "2025-01", "--site", EmailFixture.SitePath, "--out", temp);

        Assert.Equal(2, code);
        Assert.Contains("no newsletter '2025-01' (available: 2026-10, 2026-09)", error);
        Assert.Empty(Directory.GetFiles(temp));
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("newsletter", "export", "--site", EmailFixture.SitePath).ExitCode);
        Assert.Equal(2, Run("newsletter", "export", "2026-10", "--all", "--site", EmailFixture.SitePath).ExitCode);
        Assert.Equal(2, Run("newsletter", "export", "2026-10", "--no-such-option").ExitCode);
    }

    [Fact]
    public void Content_errors_exit_1_as_diagnostics_and_write_nothing()
    {
        var site = Path.Combine(temp, "site");
        Directory.CreateDirectory(Path.Combine(site, "content", "newsletters"));
        File.WriteAllText(Path.Combine(site, "site.config.yml"), "title: T\nbaseUrl: https://portal.example.internal/\nnewsletter:\n  from: news@example.internal\n");
        File.WriteAllText(Path.Combine(site, "content", "newsletters", "n1.md"), "---\ntitle: One\ndate: 2026-13-01\n---\nText.\n");
        var outFolder = Path.Combine(temp, "out");

        var (code, _, error) = Run("newsletter", "export", "n1", "--site", site, "--out", outFolder);

        Assert.Equal(1, code);
        Assert.Contains("content/newsletters/n1.md(3,7): error", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(outFolder));
    }
}
