using InternalSite.Config;

namespace InternalSite.Model;

/// <summary>
/// A link of the site's main navigation (<c>nav</c> in <c>site.config.yml</c>) as one page shows it.
/// <see cref="Current"/> is the link's <c>aria-current</c>: "page" on the page the link leads to, "true" on the pages
/// under it, null elsewhere.
/// </summary>
public sealed record NavItem(string Title, string Url, string? Current);

/// <summary>
/// Works out each page's <see cref="Page.NavItems"/> once, in code, instead of every page's header comparing its
/// route with every link. Pages whose links are marked alike share one list, so a partial that reads it (the header)
/// renders once per distinct marking (see <see cref="Templating.PartialMemo"/>).
/// </summary>
internal static class NavItems
{
    public static void Assign(IReadOnlyList<NavLink> nav, IEnumerable<Page> pages)
    {
        var shared = new Dictionary<string, IReadOnlyList<NavItem>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var marks = nav.Select(link => CurrentOf(link, page.Route)).ToArray();
            var key = string.Join('\n', marks.Select(mark => mark ?? string.Empty));
            if (!shared.TryGetValue(key, out var items))
            {
                items = nav.Select((link, i) => new NavItem(link.Title, link.Url, marks[i])).ToArray();
                shared[key] = items;
            }

            page.NavItems = items;
        }
    }

    private static string? CurrentOf(NavLink link, string route)
    {
        var linkRoute = link.Url.StartsWith('/') ? link.Url[1..] : link.Url;
        if (route == linkRoute)
        {
            return "page";
        }

        return linkRoute.Length > 0 && route.StartsWith(linkRoute, StringComparison.Ordinal) ? "true" : null;
    }
}
