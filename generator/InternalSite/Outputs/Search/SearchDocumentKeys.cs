using System.Runtime.CompilerServices;
using InternalSite.Build.Incremental;
using NodaTime;
using NodaTime.Text;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Each document's key: a hash of everything its terms and its entry in a document chunk are made from. That is its
/// rendered markdown (named by the markdown cache's key, which the text sections are a pure function of) and the
/// page fields the entry shows. Null for a page whose markdown is not in the cache: it counts as changed.
/// </summary>
/// <remarks>
/// Within one process (<c>serve</c>), an unchanged page comes with the very markdown cache entry of the last build:
/// its key is remembered beside that entry with the fields it was made from, and used again while they are equal,
/// instead of formatting and hashing them again for every page of the site on every rebuild.
/// </remarks>
internal static class SearchDocumentKeys
{
    private static readonly ConditionalWeakTable<MarkdownCacheEntry, KeyedFields> Remembered = [];

    public static string?[] Of(IncrementalSession session, Model.SiteModel site, IReadOnlyList<SearchDocument> documents, ProductNames products)
    {
        var keys = new string?[documents.Count];
        var basePath = site.Config.BasePath;
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            if (session.MarkdownOf(document.Page) is not { } markdown)
            {
                return;
            }

            var fields = KeyedFields.Of(document, basePath, products);
            if (Remembered.TryGetValue(markdown, out var last) && last.SameFieldsAs(fields))
            {
                keys[i] = last.Key;
                return;
            }

            keys[i] = fields.Key = KeyOf(markdown, document, site, products);
            Remembered.AddOrUpdate(markdown, fields);
        });
        return keys;
    }

    private static string KeyOf(MarkdownCacheEntry markdown, SearchDocument document, Model.SiteModel site, ProductNames products)
    {
        var page = document.Page;
        return StableHash.Of(
            markdown.Key, document.KindKey, page.Title, page.Summary, site.Url(page.Route),
            document.ProductSlug is { } slug ? products.NameOf(slug) : null,
            page.Date is { } date ? LocalDatePattern.Iso.Format(date.Date) : null,
            page.LastModified is { } modified ? InstantPattern.General.Format(modified.ToInstant()) : null);
    }

    /// <summary>The fields a key was made from (besides the markdown entry it is remembered with), and the key.</summary>
    private sealed class KeyedFields
    {
        private string kind = string.Empty;
        private string title = string.Empty;
        private string? summary;
        private string basePath = string.Empty;
        private string route = string.Empty;
        private string? product;
        private ZonedDateTime? date;
        private ZonedDateTime? modified;

        public string Key { get; set; } = string.Empty;

        public static KeyedFields Of(SearchDocument document, string basePath, ProductNames products) => new()
        {
            kind = document.KindKey,
            title = document.Page.Title,
            summary = document.Page.Summary,
            basePath = basePath,
            route = document.Page.Route,
            product = document.ProductSlug is { } slug ? products.NameOf(slug) : null,
            date = document.Page.Date,
            modified = document.Page.LastModified,
        };

        /// <summary>Equal fields make an equal key (the URL is the base path and the route; dates equal as values format alike).</summary>
        public bool SameFieldsAs(KeyedFields other) =>
            string.Equals(kind, other.kind, StringComparison.Ordinal) && string.Equals(title, other.title, StringComparison.Ordinal)
            && string.Equals(summary, other.summary, StringComparison.Ordinal) && string.Equals(basePath, other.basePath, StringComparison.Ordinal)
            && string.Equals(route, other.route, StringComparison.Ordinal) && string.Equals(product, other.product, StringComparison.Ordinal)
            && Nullable.Equals(date, other.date) && Nullable.Equals(modified, other.modified);
    }
}
