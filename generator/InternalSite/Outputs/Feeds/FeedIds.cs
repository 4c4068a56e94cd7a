using System.Globalization;
using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Item ids that stay put once published: an RFC 4151 tag URI of the portal's host, the day the page was published and
/// its route, e.g. <c>tag:portal.example.internal,2026-10-01:/products/atlas/releases/2-4/</c>. Nothing random and
/// nothing from the build enters it; the base path is left out, so moving the portal under another folder keeps
/// every id, and the publication date keeps ids distinct should a route ever be reused.
/// </summary>
public static class FeedIds
{
    private static readonly Uri PathBase = new("http://x/");

    public static string For(SiteModel site, Page page, DateTimeOffset published) => For(Host(site), page.Route, published);

    /// <summary>The part of every id of <paramref name="site"/> that names its host.</summary>
    public static string Host(SiteModel site) => site.Config.BaseUrl.IdnHost.ToLowerInvariant();

    public static string For(string host, string route, DateTimeOffset published)
    {
        return string.Create(CultureInfo.InvariantCulture, $"tag:{host},{published.Year:D4}-{published.Month:D2}-{published.Day:D2}:{Path(route)}");
    }

    /// <summary>
    /// The route as an absolute URL path. A route of plain segments (what slugs make) is that path already, which
    /// spares resolving a URI for every item; anything else (escapes, dot segments, other characters) is resolved.
    /// </summary>
    internal static string Path(string route) =>
        IsPlainRoute(route) ? "/" + route : new Uri(PathBase, route).AbsolutePath;

    private static bool IsPlainRoute(string route)
    {
        if (route.AsSpan().IndexOfAnyExcept(PlainRouteCharacters) >= 0 || route.StartsWith('/') || route.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in route.Split('/'))
        {
            // Dot segments are resolved away, and a trailing dot is not for every URI parser a plain character.
            if (segment.EndsWith('.'))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PlainRouteCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");
}
