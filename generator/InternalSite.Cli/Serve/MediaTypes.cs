namespace InternalSite.Cli.Serve;

/// <summary>Content types of the files a portal is made of.</summary>
internal static class MediaTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".xml" => path.EndsWith("atom.xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8",
        ".ics" => "text/calendar; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
