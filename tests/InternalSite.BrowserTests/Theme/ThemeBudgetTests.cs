using InternalSite.BrowserTests.Support;

namespace InternalSite.BrowserTests.Theme;

/// <summary>The default theme stays light: all its CSS and JS together under 50 KB before compression, as served.</summary>
[Collection(PortalCollection.Name)]
public sealed class ThemeBudgetTests(PortalFixture portal)
{
    private const int Budget = 50 * 1024;

    [Fact]
    public void The_theme_css_and_js_together_stay_under_50_KB()
    {
        // What browsers download: the built portal's assets (the generator strips comments and indentation).
        var assets = Path.Combine(portal.OutputFolder, "assets");
        var files = Directory.EnumerateFiles(Path.Combine(assets, "css"), "*.css", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(assets, "js"), "*.js", SearchOption.AllDirectories))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("site.css", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("site.js", StringComparison.Ordinal));

        var total = files.Sum(f => new FileInfo(f).Length);
        Assert.True(total < Budget, $"theme CSS+JS is {total} bytes, over the {Budget} byte budget:\n" +
            string.Join("\n", files.Select(f => $"{new FileInfo(f).Length,7} {Path.GetRelativePath(assets, f)}")));
    }

    [Fact]
    public void The_theme_loads_nothing_from_another_origin()
    {
        var theme = Path.Combine(RepositoryPaths.Root, "themes", "default");
        var offenders = Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("@import url(http", StringComparison.OrdinalIgnoreCase)
                || text.Contains("src=\"http", StringComparison.OrdinalIgnoreCase) || text.Contains("src=\"//", StringComparison.Ordinal)
                || text.Contains("href=\"//", StringComparison.Ordinal) || text.Contains("url(http", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.Empty(offenders);
    }
}
