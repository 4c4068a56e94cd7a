namespace InternalSite.Scaffolding;

/// <summary>What <c>internalsite init DIR</c> writes: a site that builds as it is, to start from.</summary>
public static class SiteScaffold
{
    public static IReadOnlyList<(string Path, string Text)> Files(string title) =>
    [
        ("site.config.yml", $"""
            title: {title}
            description: Internal tools, their news, guides and office hours
            baseUrl: https://portal.example.internal/
            timezone: Europe/London
            organization: Example Corp

            """),
        ("content/index.md", """
            ---
            title: Welcome
            summary: Every internal tool, its news, its guides and its office hours, in one place.
            ---

            Find a tool below, read what changed, and come to office hours.

            """),
        ("content/products/example/index.md", """
            ---
            title: Example
            summary: A product to copy from; rename the folder to your product's name.
            status: beta
            owner: Your Name
            team: Your Team
            contact:
              slack: "#example-help"
              email: example@example.internal
            ---

            ## The problem

            Describe what hurts today.

            ## The solution

            Describe what the product does. Start with the [getting started guide](guides/getting-started.md).

            """),
        ("content/products/example/releases/1.0.0.md", """
            ---
            title: Example 1.0
            version: 1.0.0
            date: 2026-01-15
            labels: [new]
            ---

            The first release. See [getting started](../guides/getting-started.md).

            """),
        ("content/products/example/guides/getting-started.md", """
            ---
            title: Getting started
            order: 1
            ---

            ## Get access

            Ask in the product's channel.

            ## First steps

            Open the tool and follow the tour.

            """),
    ];
}
