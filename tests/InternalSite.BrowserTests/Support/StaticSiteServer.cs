using System.Net;
using System.Net.Sockets;

namespace InternalSite.BrowserTests.Support;

/// <summary>
/// Serves a built site folder on 127.0.0.1 for the browser, as a plain static web server would (index.html for
/// folders, 404.html for misses), with a strict Content-Security-Policy so any inline script would be caught.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly string basePath;
    private readonly CancellationTokenSource stop = new();

    public StaticSiteServer(string root, string basePath = "/")
    {
        this.root = root;
        this.basePath = basePath;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(Loop);
    }

    public int Port { get; }

    public string Url(string path = "") => $"http://127.0.0.1:{Port}{basePath}{path.TrimStart('/')}";

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
    }

    private async Task Loop()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var status = 200;
        var file = Resolve(path);
        if (file is null)
        {
            status = 404;
            file = Path.Combine(root, "404.html");
        }

        response.StatusCode = status;
        response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
        response.ContentType = ContentType(file);
        if (File.Exists(file))
        {
            var bytes = File.ReadAllBytes(file);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
    }

    private string? Resolve(string path)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[basePath.Length..];
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".ics" => "text/calendar; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
