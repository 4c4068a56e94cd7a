using InternalSite.Model;

namespace InternalSite.Outputs.Search;

/// <summary>A filter value: what the URL says, what the filter shows, and the documents that have it (ascending).</summary>
public sealed record FacetValue(string Key, string Name, IReadOnlyList<int> Documents);

/// <summary>A filter of the search page (product, kind, label, audience) and its values in display order.</summary>
public sealed record Facet(string Key, string Name, IReadOnlyList<FacetValue> Values);

public static class SearchFacets
{
    public static IReadOnlyList<Facet> Of(SiteModel site, IReadOnlyList<SearchDocument> documents) =>
        Of(new ProductNames(site), documents);

    internal static IReadOnlyList<Facet> Of(ProductNames productNames, IReadOnlyList<SearchDocument> documents)
    {
        // One pass over the documents for all four filters; a document's labels and audiences are a few values, so
        // repeats among them are found by looking back, not with a set per document.
        var productValues = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var audiences = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.ProductSlug is { } slug)
            {
                Add(productValues, slug, document.Id);
            }

            Add(kinds, document.KindKey, document.Id);
            AddDistinct(labels, document.Labels, document.Id);
            AddDistinct(audiences, document.Audience, document.Id);
        }

        var products = productValues
            .Select(v => (v.Key, Name: productNames.NameOf(v.Key), Documents: v.Value))
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Key, StringComparer.Ordinal);

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

    private static void AddDistinct(Dictionary<string, List<int>> values, IReadOnlyList<string> of, int document)
    {
        for (var i = 0; i < of.Count; i++)
        {
            if (!Repeats(of, i))
            {
                Add(values, of[i], document);
            }
        }
    }

    /// <summary>Whether <paramref name="values"/>[<paramref name="at"/>] already came earlier in the list.</summary>
    private static bool Repeats(IReadOnlyList<string> values, int at)
    {
        for (var i = 0; i < at; i++)
        {
            if (string.Equals(values[i], values[at], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, List<int>> values, string value, int document)
    {
        if (!values.TryGetValue(value, out var list))
        {
            list = [];
            values[value] = list;
        }

        list.Add(document);
    }
}
