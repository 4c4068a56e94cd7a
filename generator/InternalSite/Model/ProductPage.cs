namespace InternalSite.Model;

public enum ProductStatus
{
    Idea,
    Alpha,
    Beta,
    Ga,
    Deprecated,
    Retired,
}

public sealed record Contact(string? Slack, string? Email, string? Url);

public sealed record ProductLink(string Title, string Url);

/// <summary>A product homepage, and everything the site knows about the product.</summary>
public sealed class ProductPage(PageBasics basics) : Page(basics)
{
    /// <summary>The folder name under <c>content/products/</c>; release notes, guides and events refer to it.</summary>
    public required string ProductSlug { get; init; }

    public ProductStatus? Status { get; init; }

    public string? StatusName => Status?.ToString().ToLowerInvariant();

    public string? Owner { get; init; }

    public string? Team { get; init; }

    public Contact? Contact { get; init; }

    public IReadOnlyList<ProductLink> Links { get; init; } = [];

    public string? Logo { get; set; }

    /// <summary>Newest first: by semantic version, then date.</summary>
    public IReadOnlyList<ReleaseNote> Releases { get; set; } = [];

    public GuideSection? Guides { get; set; }

    public IReadOnlyList<OfficeHours> Events { get; set; } = [];
}
