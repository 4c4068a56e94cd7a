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
    public static string For(SiteModel site, Page page, DateTimeOffset published)
    {
        var host = site.Config.BaseUrl.IdnHost.ToLowerInvariant();
        var day = published.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        var path = new Uri(new Uri("http://x/"), page.Route).AbsolutePath;
        return $"tag:{host},{day}:{path}";
    }
}
