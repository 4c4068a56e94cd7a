using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Outputs;

namespace InternalSite.Build;

/// <summary>
/// Checks every internal link once all outputs exist: the target file must have been emitted, and an anchor must be
/// an id of the target page (<c>idsOf</c> its route; null for a page without markdown). This covers generated pages,
/// feeds and calendars as well as written pages.
/// </summary>
internal static class LinkChecker
{
    public static void Check(
        IEnumerable<InternalLink> links,
        IReadOnlyDictionary<string, string> emitted,
        Func<string, IReadOnlySet<string>?> idsOf,
        DiagnosticBag diagnostics)
    {
        foreach (var link in links)
        {
            var file = OutputContext.FileFor(link.Route);
            if (!emitted.ContainsKey(file) && !emitted.ContainsKey(link.Route.TrimEnd('/')))
            {
                diagnostics.Error(link.At, DiagnosticCodes.BrokenLink,
                    $"broken link '{link.Written}': nothing is published at /{link.Route} (expected a page, a file or a generated listing of this site)");
                continue;
            }

            if (link.Anchor is { Length: > 0 } anchor && idsOf(link.Route) is { } ids && !ids.Contains(anchor))
            {
                var known = ids.Count == 0 ? "the page has no headings" : "headings: #" + string.Join(", #", ids.Order(StringComparer.Ordinal).Take(12));
                diagnostics.Error(link.At, DiagnosticCodes.BrokenAnchor,
                    $"broken anchor '{link.Written}': /{link.Route} has no '#{anchor}' ({known})");
            }
        }
    }
}
