using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using InternalSite.Diagnostics;
using InternalSite.Outputs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSite.Cli.Serve;

/// <summary>
/// Kestrel on a loopback address serving a <see cref="PreviewSite"/> from memory, with the reload script added to
/// every HTML page it serves (never to the built files) and an event stream that tells open tabs about rebuilds.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    /// <summary>The dev server's own files live here, outside any site's base path.</summary>
    public const string Prefix = "/__internalsite/";

    public const string ReloadScriptTag = "<script src=\"" + Prefix + "reload.js\" defer></script>";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PreviewSite site;
    private readonly ReloadHub hub = new();
    private readonly WebApplication app;
    private readonly byte[] reloadScript = Resource("reload.js");
    private readonly byte[] overlayStyles = Resource("overlay.css");

    private DevServer(PreviewSite site, WebApplication app)
    {
        this.site = site;
        this.app = app;
        site.Updated += Announce;
        site.FirstPagesShown += AnnounceFirst;
        site.OpenFiles = OpenFiles;
    }

    public string Url { get; private set; } = string.Empty;

    public ReloadHub Hub => hub;

    /// <summary>Fires when the host is asked to stop (SIGTERM is handled by ASP.NET Core's console lifetime).</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    /// <summary>Starts listening on <paramref name="address"/> (loopback only) and <paramref name="port"/> (0: any free port).</summary>
    public static async Task<DevServer> StartAsync(PreviewSite site, IPAddress address, int port)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"the preview server listens on loopback addresses only, not {address}", nameof(address));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        var server = new DevServer(site, app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = bound.TrimEnd('/');
        return server;
    }

    /// <summary>The address of the site itself (under its base path).</summary>
    public string SiteUrl => Url + site.BasePath;

    public async ValueTask DisposeAsync()
    {
        site.Updated -= Announce;
        site.FirstPagesShown -= AnnounceFirst;
        site.OpenFiles = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await ServeOwnAsync(context, path[Prefix.Length..]);
            return;
        }

        var basePath = site.BasePath;
        switch (RequestPaths.Resolve(path, basePath))
        {
            case RequestPaths.Refused:
                response.StatusCode = StatusCodes.Status400BadRequest;
                await response.WriteAsync("Bad request: the path leaves the site.\n");
                return;
            case RequestPaths.OutsideSite when path == "/":
                response.Redirect(basePath);
                return;
            case RequestPaths.OutsideSite:
                await ServeMissingAsync(context);
                return;
            case RequestPaths.File(var file):
                var files = site.Files;
                if (files.TryGetValue(file, out var bytes))
                {
                    await ServeFileAsync(context, file, bytes, StatusCodes.Status200OK);
                }
                else if (!file.EndsWith(".html", StringComparison.Ordinal) && files.ContainsKey(file + "/index.html"))
                {
                    response.Redirect(basePath + file + "/" + context.Request.QueryString);
                }
                else
                {
                    await ServeMissingAsync(context);
                }

                return;
        }
    }

    private async Task ServeMissingAsync(HttpContext context)
    {
        var page = site.Files.GetValueOrDefault("404.html")
            ?? Encoding.UTF8.GetBytes("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>There is no such page in the preview.</p></body></html>");
        await ServeFileAsync(context, "404.html", page, StatusCodes.Status404NotFound);
    }

    private static async Task ServeFileAsync(HttpContext context, string file, byte[] bytes, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaTypes.For(file);
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            bytes = WithReloadScript(bytes);
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>Adds the reload script before &lt;/head&gt; (or at the end): a served page only, never a built file.</summary>
    public static byte[] WithReloadScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        text = at < 0 ? text + ReloadScriptTag : text.Insert(at, ReloadScriptTag);
        return Encoding.UTF8.GetBytes(text);
    }

    private async Task ServeOwnAsync(HttpContext context, string name)
    {
        var response = context.Response;
        switch (name)
        {
            case "reload.js":
                response.ContentType = "text/javascript; charset=utf-8";
                await response.Body.WriteAsync(reloadScript, context.RequestAborted);
                return;
            case "overlay.css":
                response.ContentType = "text/css; charset=utf-8";
                await response.Body.WriteAsync(overlayStyles, context.RequestAborted);
                return;
            case "events":
                await StreamEventsAsync(context);
                return;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        var channel = hub.Join(context.Request.Query["page"].FirstOrDefault());

        // An open tab keeps this request going forever: stopping the server must end it, or shutting down would wait
        // for the host's shutdown timeout (seconds after Ctrl+C or SIGTERM) before the process exits.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
        try
        {
            // A tab that connects while the build is broken shows the errors at once.
            var first = site.Errors.Count > 0 ? ReloadHub.Format("errors", ErrorsJson(site.Errors)) : ReloadHub.Format("ok", "{}");
            await response.WriteAsync("retry: 500\n\n" + first, ended.Token);
            await response.Body.FlushAsync(ended.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(ended.Token))
            {
                await response.WriteAsync(message, ended.Token);
                await response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab went away, or the server is stopping.
        }
        finally
        {
            hub.Leave(channel);
        }
    }

    private void Announce(PreviewUpdate update)
    {
        if (!update.Succeeded)
        {
            hub.Broadcast("errors", ErrorsJson(update.Diagnostics.Where(d => d.IsError)));
            // Pages shown early by this build are taken back; their tabs reload into the last good page and its overlay.
            if (update.Reload.Count > 0)
            {
                BroadcastReload(update.Generation, update.Reload);
            }

            return;
        }

        BroadcastReload(update.Generation, update.Reload);
    }

    private void AnnounceFirst(PreviewFirstPages first) => BroadcastReload(first.Generation, first.Files);

    /// <summary>
    /// Pages reload only when they changed; a changed stylesheet, script, image or font may be on any page. Feeds,
    /// calendars, the search index and social cards change with the text but are not part of an open page.
    /// </summary>
    private void BroadcastReload(int generation, IReadOnlyList<string> changedFiles)
    {
        var basePath = site.BasePath;
        var all = changedFiles.Count > 1000 || changedFiles.Any(ShownOnEveryPage);
        var paths = all
            ? []
            : changedFiles.Where(f => f.EndsWith(".html", StringComparison.Ordinal))
                .Select(f => basePath + OutputContext.RouteOf(f)).ToArray();
        hub.Broadcast("reload", JsonSerializer.Serialize(new { generation, all, paths }, Json));
    }

    /// <summary>The output files the open tabs show, for the next rebuild to render first.</summary>
    private IReadOnlyCollection<string> OpenFiles()
    {
        var basePath = site.BasePath;
        return hub.OpenPages.Select(page => RequestPaths.Resolve(page, basePath)).OfType<RequestPaths.File>().Select(f => f.OutputPath).ToArray();
    }

    private static bool ShownOnEveryPage(string file) =>
        !file.StartsWith("social/", StringComparison.Ordinal) &&
        Path.GetExtension(file) is ".css" or ".js" or ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".svg" or ".woff2" or ".woff" or ".ttf";

    private static string ErrorsJson(IEnumerable<Diagnostic> errors) => JsonSerializer.Serialize(new
    {
        errors = errors.Select(e => new { file = e.Location.File, line = e.Location.Line, column = e.Location.Column, code = e.Code, message = e.Message }),
    }, Json);

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InternalSite.Cli.Serve." + name)
            ?? throw new InvalidOperationException($"the preview server's {name} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
