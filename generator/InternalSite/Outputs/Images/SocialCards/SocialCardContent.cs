using InternalSite.Model;

namespace InternalSite.Outputs.Images.SocialCards;

/// <summary>What a card says: the portal, the page title, the product it belongs to, and its kind with status or labels.</summary>
public sealed record SocialCardContent(string Portal, string Title, string? Product, string Kind)
{
    public static SocialCardContent For(Page page, SiteModel site) => new(
        site.Config.Title,
        page.Title,
        ProductOf(page) is { } product && product != page.Title ? product : null,
        KindOf(page));

    private static string? ProductOf(Page page) => page switch
    {
        ProductPage product => product.Title,
        ReleaseNote release => release.Product?.Title ?? release.ProductSlug,
        GuidePage guide => guide.Product?.Title ?? guide.ProductSlug,
        OfficeHours events => events.Product?.Title ?? events.ProductSlug,
        GeneratedPage generated => generated.Product?.Title,
        _ => null,
    };

    private static string KindOf(Page page) => page switch
    {
        ProductPage { StatusName: { } status } => $"Product · {Capitalize(status)}",
        ProductPage => "Product",
        ReleaseNote release => string.Join(" · ", new[] { "Release" }.Concat(release.Labels.Select(Capitalize))),
        GuidePage => "Guide",
        Newsletter => "Newsletter",
        OfficeHours => "Office hours",
        GeneratedPage generated => generated.Layout switch
        {
            "changelog" => generated.Term is null ? "Changelog" : "Changelog · " + Capitalize(generated.Term.Name),
            "products" => "Products",
            "guides" or "section" => "Guides",
            "newsletters" => "Newsletters",
            "office-hours" => "Office hours",
            "terms" or "term" => "Topics",
            "search" => "Search",
            _ => "Overview",
        },
        { Kind: PageKind.Home } => "Home",
        _ => "Page",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
