using InternalSite.Content;
using InternalSite.Diagnostics;

namespace InternalSite.Model;

/// <summary>Arranges each product's guide pages into sections by folder, ordered by <c>order</c> then title, with previous/next.</summary>
internal static class GuideTrees
{
    public static List<GuidePage> Link(IEnumerable<GuidePage> all, Dictionary<string, ProductPage> products, DiagnosticBag diagnostics)
    {
        var result = new List<GuidePage>();
        foreach (var group in all.GroupBy(g => g.ProductSlug).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!products.TryGetValue(group.Key, out var product))
            {
                foreach (var orphan in group)
                {
                    SiteModelBuilder.ReportUnknownProduct(orphan, group.Key, diagnostics);
                }

                continue;
            }

            var root = new GuideSection { Title = $"{product.Title} guides", Route = $"products/{product.ProductSlug}/guides/", Name = string.Empty };
            foreach (var page in group)
            {
                var section = SectionFor(root, page.SectionPath);
                page.Product = product;
                page.Section = section;
                if (page.IsSectionIndex)
                {
                    section.Index = page;
                }
                else
                {
                    section.Pages.Add(page);
                }
            }

            Sort(root);
            var reading = root.ReadingOrder;
            for (var i = 0; i < reading.Count; i++)
            {
                reading[i].Previous = i > 0 ? reading[i - 1] : null;
                reading[i].Next = i + 1 < reading.Count ? reading[i + 1] : null;
            }

            product.Guides = root;
            result.AddRange(reading);
        }

        return result;
    }

    private static GuideSection SectionFor(GuideSection root, IReadOnlyList<string> path)
    {
        var current = root;
        foreach (var name in path)
        {
            var next = current.Sections.FirstOrDefault(s => s.Name == name);
            if (next is null)
            {
                next = new GuideSection { Title = Slugs.Humanize(name), Route = $"{current.Route}{name}/", Name = name };
                current.Sections.Add(next);
            }

            current = next;
        }

        return current;
    }

    private static void Sort(GuideSection section)
    {
        section.Pages.Sort(ByOrderThenTitle);
        foreach (var sub in section.Sections)
        {
            Sort(sub);
        }

        section.Sections.Sort((a, b) =>
        {
            var c = (a.Index?.Order ?? int.MaxValue).CompareTo(b.Index?.Order ?? int.MaxValue);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
    }

    private static int ByOrderThenTitle(GuidePage a, GuidePage b)
    {
        var c = (a.Order ?? int.MaxValue).CompareTo(b.Order ?? int.MaxValue);
        if (c == 0) c = string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(a.Route, b.Route);
    }
}
