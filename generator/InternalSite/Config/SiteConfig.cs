using NodaTime;

namespace InternalSite.Config;

public sealed record NavLink(string Title, string Url);

public sealed record NewsletterSettings(string? From, string? ReplyTo, string? ListUnsubscribe);

/// <summary>The validated contents of <c>site.config.yml</c>.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Absolute URL, always ending in '/'.</summary>
    public required Uri BaseUrl { get; init; }

    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    public string Language { get; init; } = "en";

    public string Theme { get; init; } = "default";

    public string Output { get; init; } = "_site";

    public string Organization { get; init; } = string.Empty;

    public IReadOnlyList<NavLink> Nav { get; init; } = DefaultNav;

    public NewsletterSettings? Newsletter { get; init; }

    public int FeedItems { get; init; } = 50;

    public string? EditUrl { get; init; }

    /// <summary>The path part of <see cref="BaseUrl"/>: "/" or e.g. "/tools/"; every root-relative link starts with it.</summary>
    public string BasePath => BaseUrl.AbsolutePath;

    public static IReadOnlyList<NavLink> DefaultNav { get; } =
    [
        new("Products", "/products/"),
        new("Changelog", "/changelog/"),
        new("Guides", "/guides/"),
        new("Newsletters", "/newsletters/"),
        new("Office hours", "/office-hours/"),
    ];

    /// <summary>A stand-in used when the real config is broken, so page errors can still be reported in the same run.</summary>
    public static SiteConfig Fallback { get; } = new() { Title = "Site", BaseUrl = new Uri("https://example.invalid/") };
}
