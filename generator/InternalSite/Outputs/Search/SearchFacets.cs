using InternalSite.Model;

namespace InternalSite.Outputs.Search;

/// <summary>A filter value: what the URL says, what the filter shows, and the documents that have it (ascending).</summary>
public sealed record FacetValue(string Key, string Name, IReadOnlyList<int> Documents);

/// <summary>A filter of the search page (product, kind, label, audience) and its values in display order.</summary>
public sealed record Facet(string Key, string Name, IReadOnlyList<FacetValue> Values);

public static class SearchFacets
{
    public static IReadOnlyList<Facet> Of(SiteModel site, IReadOnlyList<SearchDocument> documents)
    {
        var products = Values(documents, d => d.ProductSlug is { } slug ? [slug] : [])
            .Select(v => (v.Key, Name: site.Product(v.Key)?.Title ?? v.Key, Documents: v.Value))
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Key, StringComparer.Ordinal);
        var kinds = Values(documents, d => [d.KindKey]);
        var labels = Values(documents, d => d.Labels);
        var audiences = Values(documents, d => d.Audience);

        return
        [
            new Facet("product", "Product", products.Select(v => new FacetValue(v.Key, v.Name, v.Documents)).ToList()),
            new Facet("kind", "Kind", SearchDocuments.Kinds
                .Where(k => kinds.ContainsKey(k.Key))
                .Select(k => new FacetValue(k.Key, k.Name, kinds[k.Key])).ToList()),
            new Facet("label", "Label", labels
                .OrderBy(l => Array.IndexOf(ReleaseNote.KnownLabels, l.Key) is var i and >= 0 ? i : int.MaxValue)
                .ThenBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => new FacetValue(l.Key, l.Key, l.Value)).ToList()),
            new Facet("audience", "Audience", audiences
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new FacetValue(a.Key, a.Key, a.Value)).ToList()),
        ];
    }

    private static Dictionary<string, List<int>> Values(IReadOnlyList<SearchDocument> documents, Func<SearchDocument, IEnumerable<string>> of)
    {
        var values = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var value in of(document).Distinct(StringComparer.Ordinal))
            {
                if (!values.TryGetValue(value, out var list))
                {
                    list = [];
                    values[value] = list;
                }

                list.Add(document.Id);
            }
        }

        return values;
    }
}
