using InternalSite.Build;
using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Support;

/// <summary>
/// Builds the sample portal once, serves it on loopback and starts Debian's Chromium through Playwright; shared by
/// every browser test in the collection.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public string OutputFolder { get; } = Path.Combine(Path.GetTempPath(), "internalsite-browser-" + Guid.NewGuid().ToString("N"));

    public StaticSiteServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public BuildResult Build { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The sample portal's base URL has a path; serve under the same path so links work as deployed.
        Build = SiteBuilder.BuildToFolder(RepositoryPaths.Root, OutputFolder, new BuildOptions());
        if (!Build.Succeeded)
        {
            throw new InvalidOperationException("the sample portal does not build:\n" + string.Join("\n", Build.Errors));
        }

        Server = new StaticSiteServer(OutputFolder, Build.Site!.Config.BasePath);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"browser tests need Chromium at {ChromiumPath} (apt-get install chromium)");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh page in its own context (own storage), recording console errors and requests to other origins.</summary>
    public async Task<BrowserPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page, Server);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Server?.Dispose();
        try
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
