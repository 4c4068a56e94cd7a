using System.Net;
using InternalSite.Build;

namespace InternalSite.Cli.Serve;

/// <summary>The whole preview: the site in memory, its first build, the server and the watcher that drives rebuilds.</summary>
public sealed class PreviewHost : IAsyncDisposable
{
    private readonly SiteWatcher watcher;

    private PreviewHost(PreviewSite site, DevServer server, SiteWatcher watcher, PreviewUpdate first)
    {
        Site = site;
        Server = server;
        this.watcher = watcher;
        FirstBuild = first;
    }

    public PreviewSite Site { get; }

    public DevServer Server { get; }

    public PreviewUpdate FirstBuild { get; }

    /// <summary>Builds <paramref name="siteRoot"/>, starts serving it and watching it. <paramref name="onUpdate"/> hears every build, the first included.</summary>
    public static async Task<PreviewHost> StartAsync(string siteRoot, IPAddress address, int port, BuildOptions options, Action<PreviewUpdate>? onUpdate = null)
    {
        var site = new PreviewSite(new LiveSource(siteRoot), options);
        if (onUpdate is not null)
        {
            site.Updated += onUpdate;
        }

        var first = site.Rebuild([]);
        var server = await DevServer.StartAsync(site, address, port);
        var watcher = new SiteWatcher(siteRoot, (changed, rescan) => site.Rebuild(changed, rescan));
        return new PreviewHost(site, server, watcher, first);
    }

    public async ValueTask DisposeAsync()
    {
        watcher.Dispose();
        await Server.DisposeAsync();
    }
}
