using System.Net;
using InternalSite.Build;
using InternalSite.BrowserTests.Support;
using InternalSite.Cli.Serve;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests;

/// <summary>
/// <c>serve</c> in a real browser: a saved file shows up in the open page without a manual reload, a build error
/// shows as an overlay over the last good page, and fixing it clears the overlay.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ServeBrowserTests(PortalFixture portal) : IAsyncLifetime
{
    private const string ReleaseFile = "content/products/atlas/releases/9.9.9.md";
    private readonly string site = Path.Combine(Path.GetTempPath(), "internalsite-serve-browser-" + Guid.NewGuid().ToString("N"));
    private PreviewHost host = null!;

    public async Task InitializeAsync()
    {
        // A copy of the sample portal, so the test can edit it.
        Directory.CreateDirectory(site);
        File.Copy(Path.Combine(RepositoryPaths.Root, "site.config.yml"), Path.Combine(site, "site.config.yml"));
        CopyFolder(Path.Combine(RepositoryPaths.Root, "content"), Path.Combine(site, "content"));
        File.WriteAllText(Path.Combine(site, ReleaseFile),
            "---\ntitle: Atlas 9.9.9\nversion: 9.9.9\ndate: 2026-01-15\nlabels: [new]\n---\n\nThe first release.\n");
        host = await PreviewHost.StartAsync(site, IPAddress.Loopback, 0, new BuildOptions());
        Assert.True(host.FirstBuild.Succeeded, string.Join("\n", host.FirstBuild.Diagnostics));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(site, recursive: true);
    }

    [Fact]
    public async Task An_edit_appears_without_a_manual_reload_and_an_error_shows_as_an_overlay_until_fixed()
    {
        var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        try
        {
            await page.GotoAsync(host.Server.SiteUrl + "products/atlas/releases/9.9.9/");
            var article = page.Locator("main article");
            await Assertions.Expect(article).ToContainTextAsync("The first release.");
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");
            await WaitForEventStreamAsync();

            Edit("The first release.", "The first release, now with maps.");
            await Assertions.Expect(article).ToContainTextAsync("now with maps", new() { Timeout = 15_000 });
            Assert.Null(await page.EvaluateAsync<bool?>("() => window.__notReloaded ?? null"));

            Edit("now with maps.", "now with [maps](missing-page.md).");
            var overlay = page.Locator("#internalsite-build-errors");
            await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(overlay).ToContainTextAsync(ReleaseFile + ":8:");
            await Assertions.Expect(article).ToContainTextAsync("now with maps");

            Edit("now with [maps](missing-page.md).", "now with fixed maps.");
            await Assertions.Expect(overlay).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(article).ToContainTextAsync("now with fixed maps", new() { Timeout = 15_000 });
            Assert.Empty(consoleErrors);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private void Edit(string find, string replace)
    {
        var path = Path.Combine(site, ReleaseFile);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private async Task WaitForEventStreamAsync()
    {
        for (var i = 0; i < 200 && host.Server.Hub.Count == 0; i++)
        {
            await Task.Delay(25);
        }

        Assert.True(host.Server.Hub.Count > 0, "the page never opened the reload event stream");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
