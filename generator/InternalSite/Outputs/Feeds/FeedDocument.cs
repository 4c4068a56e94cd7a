namespace InternalSite.Outputs.Feeds;

/// <summary>
/// One feed, independent of its format: what the RSS, Atom and JSON Feed writers all read. Every URL in it is
/// absolute and every date is fixed by the content, so the three files agree and rebuilds give the same bytes.
/// </summary>
public sealed record FeedDocument
{
    /// <summary>The listing the feed belongs to, e.g. "changelog/" or "products/atlas/releases/".</summary>
    public required string ListingRoute { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Language { get; init; }

    /// <summary>Absolute URL of the listing page: the feed's home page link and its id.</summary>
    public required string HomeUrl { get; init; }

    /// <summary>Absolute URL of each format's file (the "self" link).</summary>
    public required IReadOnlyDictionary<FeedFormat, string> SelfUrls { get; init; }

    /// <summary>The newest item's update time; <see cref="FeedDates.NoItems"/> when the feed is empty.</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>Who publishes the feed (the organization, else the portal): the author of items without an owner.</summary>
    public required FeedPerson Publisher { get; init; }

    /// <summary>Newest first, at most the configured number of items.</summary>
    public required IReadOnlyList<FeedEntry> Entries { get; init; }
}

/// <summary>One item of a feed: a release note or a newsletter.</summary>
public sealed record FeedEntry
{
    /// <summary>A tag: URI fixed at publication (see <see cref="FeedIds"/>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The absolute permalink of the page.</summary>
    public required string Url { get; init; }

    /// <summary>The rendered page body, every link and image absolute.</summary>
    public required string ContentHtml { get; init; }

    public string? Summary { get; init; }

    public required DateTimeOffset Published { get; init; }

    /// <summary>Never earlier than <see cref="Published"/>.</summary>
    public required DateTimeOffset Updated { get; init; }

    public IReadOnlyList<FeedCategory> Categories { get; init; } = [];

    /// <summary>The product owner, where the release's product names one.</summary>
    public FeedPerson? Author { get; init; }

    public FeedProduct? Product { get; init; }

    public string? Version { get; init; }

    /// <summary>Absolute URL of the page's image, if it has one.</summary>
    public string? ImageUrl { get; init; }
}

/// <summary>A category: <paramref name="Term"/> is the machine value, <paramref name="Scheme"/> the vocabulary it belongs to.</summary>
public sealed record FeedCategory(string Term, string Label, string Scheme);

public sealed record FeedPerson(string Name);

public sealed record FeedProduct(string Slug, string Title, string Url);
