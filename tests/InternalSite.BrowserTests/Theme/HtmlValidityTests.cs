using System.Diagnostics;
using System.Text.Json;
using InternalSite.BrowserTests.Support;

namespace InternalSite.BrowserTests.Theme;

/// <summary>
/// The Nu Html Checker (vnu.jar, from the npm package vnu-jar that scripts/test.sh installs into .tools/) over one
/// built page of the sample portal (one of every kind at least): no errors allowed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HtmlValidityTests(PortalFixture portal)
{
    [Fact]
    public async Task The_Nu_Html_Checker_reports_no_errors_on_any_page()
    {
        var jar = FindVnuJar();
        var everyKind = SamplePages.OfEveryKind.Select(p => SamplePages.FileOf(portal.OutputFolder, p.Route)).ToList();
        Assert.All(everyKind, f => Assert.True(File.Exists(f), f + " was not built"));

        // Every page the model renders, not only one per kind: a template branch only some pages reach is checked too.
        var files = portal.Build.Site!.AllPages.Select(p => SamplePages.FileOf(portal.OutputFolder, p.Route))
            .Where(File.Exists).Concat(everyKind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-jar", jar, "--format", "json", "--errors-only" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var json = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;

        using var report = JsonDocument.Parse(json);
        var errors = report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Path.GetRelativePath(portal.OutputFolder, LocalPath(m.GetProperty("url").GetString()!))}" +
                         $":{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", errors));
    }

    private static string FindVnuJar()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("VNU_JAR"),
            Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c))
            ?? throw new InvalidOperationException("the Nu Html Checker is missing: run `bash scripts/test.sh`, which installs vnu-jar into .tools/ (or set VNU_JAR)");
    }

    /// <summary>The checker names files as "file:/path" (one slash), which <see cref="Uri"/> does not parse.</summary>
    private static string LocalPath(string url) => url.StartsWith("file:", StringComparison.Ordinal) ? "/" + url["file:".Length..].TrimStart('/') : url;
}
