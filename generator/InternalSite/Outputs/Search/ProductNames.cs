using InternalSite.Model;

namespace InternalSite.Outputs.Search;

/// <summary>
/// The name each product slug is shown under in the index: its product page's title, or the slug itself when there
/// is no such page. Made once per build: <see cref="SiteModel.Product"/> scans every product, and the index asks for
/// every document.
/// </summary>
internal sealed class ProductNames
{
    private readonly Dictionary<string, string> titles = new(StringComparer.Ordinal);

    public ProductNames(SiteModel site)
    {
        // The first product of a slug wins, as SiteModel.Product finds it.
        foreach (var product in site.Products)
        {
            titles.TryAdd(product.ProductSlug, product.Title);
        }
    }

    public string NameOf(string slug) => titles.GetValueOrDefault(slug) ?? slug;
}
