namespace InternalSite.Markdown;

/// <summary>What a link written in markdown points at.</summary>
public abstract record LinkTarget
{
    /// <summary>Outside the site (another host, mailto:, tel:…): left as written.</summary>
    public sealed record External : LinkTarget;

    /// <summary>A page or file of the site, by route; <see cref="Query"/> and <see cref="Anchor"/> carried along.</summary>
    public sealed record Internal(string Route, string? Anchor, string Query) : LinkTarget;

    public sealed record Broken(string Message) : LinkTarget;
}

/// <summary>
/// Resolves links as writers write them: by source path (<c>../guides/setup.md</c>), by site URL
/// (<c>/products/atlas/</c>), relative to the page's folder (<c>img/chart.png</c>), or to an anchor (<c>#setup</c>).
/// </summary>
public sealed class LinkTargets(
    IReadOnlyDictionary<string, string> routesBySource,
    IReadOnlySet<string> unpublishedSources,
    IReadOnlyDictionary<string, string> staticFilesBySource)
{
    public LinkTarget Resolve(string url, string fromSource, string fromRoute)
    {
        if (url.Length == 0 || HasScheme(url) || url.StartsWith("//", StringComparison.Ordinal))
        {
            return new LinkTarget.External();
        }

        var (path, query, anchor) = Split(url);
        if (path.Length == 0)
        {
            return new LinkTarget.Internal(fromRoute, anchor, query);
        }

        path = Uri.UnescapeDataString(path);
        if (path.StartsWith('/'))
        {
            var sitePath = path.TrimStart('/');
            if (sitePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                return FromSource("content/" + sitePath, url, anchor, query);
            }

            return Normalize(sitePath) is { } route
                ? new LinkTarget.Internal(AddSlashToFolder(route), anchor, query)
                : new LinkTarget.Broken($"'{url}' leaves the site (expected a path inside the portal)");
        }

        var folder = fromSource[..(fromSource.LastIndexOf('/') + 1)];
        var combined = Normalize(folder + path);
        if (combined is null || !combined.StartsWith("content/", StringComparison.Ordinal))
        {
            return new LinkTarget.Broken($"'{url}' leaves the site (expected a path inside content/)");
        }

        if (combined.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return FromSource(combined, url, anchor, query);
        }

        if (staticFilesBySource.TryGetValue(combined, out var output))
        {
            return new LinkTarget.Internal(output, anchor, query);
        }

        var asFolder = combined.TrimEnd('/') + "/index.md";
        if (routesBySource.TryGetValue(asFolder, out var folderRoute))
        {
            return new LinkTarget.Internal(folderRoute, anchor, query);
        }

        return new LinkTarget.Broken(
            $"no page or file at '{combined}' for link '{url}' (expected a path to a .md page or a file under content/, or a site URL starting with '/')");
    }

    /// <summary>Resolves ".." and "." segments; null when the path climbs above its root.</summary>
    public static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        var joined = string.Join('/', parts);
        return path.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }

    private LinkTarget FromSource(string source, string url, string? anchor, string query)
    {
        if (routesBySource.TryGetValue(source, out var route))
        {
            return new LinkTarget.Internal(route, anchor, query);
        }

        return unpublishedSources.Contains(source)
            ? new LinkTarget.Broken($"'{url}' links to a draft or scheduled page that this build does not publish ({source})")
            : new LinkTarget.Broken($"no page at '{source}' for link '{url}' (expected the path of a .md file under content/)");
    }

    private static string AddSlashToFolder(string route)
    {
        if (route.Length == 0 || route.EndsWith('/'))
        {
            return route;
        }

        var last = route[(route.LastIndexOf('/') + 1)..];
        return last.Contains('.') ? route : route + "/";
    }

    private static (string Path, string Query, string? Anchor) Split(string url)
    {
        string? anchor = null;
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            anchor = url[(hash + 1)..];
            url = url[..hash];
        }

        var query = string.Empty;
        var q = url.IndexOf('?');
        if (q >= 0)
        {
            query = url[q..];
            url = url[..q];
        }

        return (url, query, anchor);
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        return char.IsAsciiLetter(url[0]) && url.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }
}
