namespace InternalSite.BrowserTests.Support;

/// <summary>One page of each kind the sample portal publishes, by route: what the per-kind checks walk through.</summary>
public static class SamplePages
{
    public static IReadOnlyList<(string Kind, string Route)> OfEveryKind { get; } =
    [
        ("home", ""),
        ("products", "products/"),
        ("product", "products/atlas/"),
        ("release", "products/atlas/releases/2.3.0/"),
        ("product changelog", "products/beacon/releases/"),
        ("changelog", "changelog/"),
        ("changelog label", "changelog/labels/security/"),
        ("guides", "guides/"),
        ("guide root section", "products/atlas/guides/"),
        ("guide section index", "products/atlas/guides/getting-started/"),
        ("guide section listing", "products/ledger/guides/basics/"),
        ("guide", "products/atlas/guides/getting-started/register-a-service/"),
        ("newsletters", "newsletters/"),
        ("newsletter", "newsletters/2026-11-platform-digest/"),
        ("page", "about/"),
        ("tags", "tags/"),
        ("tag", "tags/onboarding/"),
        ("audiences", "audiences/"),
        ("audience", "audiences/sre/"),
        ("office hours", "office-hours/"),
        ("event", "office-hours/beacon-weekly/"),
        ("search", "search/"),
        ("404", "404.html"),
    ];

    /// <summary>The same pages as xunit theory rows.</summary>
    public static IEnumerable<object[]> Rows => OfEveryKind.Select(p => new object[] { p.Kind, p.Route });

    /// <summary>The built file of a route in the output folder.</summary>
    public static string FileOf(string outputFolder, string route) =>
        Path.Combine(outputFolder, route.EndsWith(".html", StringComparison.Ordinal) ? route : route + "index.html");
}
