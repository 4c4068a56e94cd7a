using System.Globalization;
using System.Text;
using InternalSite.Content;
using InternalSite.Model;
using NodaTime;

namespace InternalSite.Scaffolding;

/// <summary>What <c>internalsite new</c> writes: a page of a kind, with the front matter that kind needs.</summary>
public static class PageScaffold
{
    public sealed record NewPage(string RelativePath, string Text);

    /// <summary>Returns the file to write, or an error message for a request that cannot be met.</summary>
    public static (NewPage? Page, string? Error) Create(string kind, string? product, string title, LocalDate today)
    {
        if (!PageKinds.ByName.TryGetValue(kind, out var pageKind) || pageKind == PageKind.Home)
        {
            return (null, $"unknown kind '{kind}' (expected one of: product, release, guide, newsletter, event, page)");
        }

        var needsProduct = pageKind is PageKind.Release or PageKind.Guide;
        if (needsProduct && string.IsNullOrWhiteSpace(product))
        {
            return (null, $"a {kind} belongs to a product (expected: internalsite new {kind} <product> \"<title>\")");
        }

        if (product is not null && !Slugs.IsValid(product))
        {
            return (null, $"'{product}' is not a product folder name (expected e.g. atlas)");
        }

        var slug = Slugs.Slugify(title);
        var date = today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var fm = new StringBuilder("---\n").Append("title: ").Append(Quote(title)).Append('\n');
        string path;
        string body;
        switch (pageKind)
        {
            case PageKind.Product:
                path = $"content/products/{slug}/index.md";
                fm.Append("summary: One line on what it solves\nstatus: beta\nowner: \nteam: \ncontact:\n  slack: \"#").Append(slug).Append("-help\"\n  email: \nlinks: []\n");
                body = "## The problem\n\nWhat hurts today, for whom.\n\n## The solution\n\nWhat the product does about it.\n\n## Benefits\n\n- Faster\n- Safer\n";
                break;
            case PageKind.Release:
                var version = SemanticVersion.Parse(title.Split(' ').LastOrDefault() ?? string.Empty)?.Text ?? "0.1.0";
                path = $"content/products/{product}/releases/{version}.md";
                fm.Append("version: ").Append(version).Append("\ndate: ").Append(date).Append("\nlabels: [new]\nsummary: \n");
                body = "## What's new\n\n- \n\n## Fixed\n\n- \n";
                break;
            case PageKind.Guide:
                path = $"content/products/{product}/guides/{slug}.md";
                fm.Append("summary: \norder: 10\n");
                body = "## Before you start\n\n\n## Steps\n\n1. \n";
                break;
            case PageKind.Newsletter:
                path = $"content/newsletters/{date[..7]}-{slug}.md";
                fm.Append("date: ").Append(date).Append("\nsubject: ").Append(Quote(title)).Append("\npreheader: \ndigest: true\n");
                body = "Hello everyone,\n\n## Highlights\n\n- \n";
                break;
            case PageKind.Event:
                path = $"content/office-hours/{slug}.md";
                fm.Append("start: ").Append(date).Append("T15:00\nduration: 45m\nrecurrence: FREQ=WEEKLY;BYDAY=TU;COUNT=12\nlocation: \njoin_url: https://meet.example.internal/\nhost: \n");
                if (product is not null)
                {
                    fm.Append("product: ").Append(product).Append('\n');
                }

                body = "Bring your questions.\n";
                break;
            default:
                path = $"content/{slug}.md";
                body = "\n";
                break;
        }

        return (new NewPage(path, fm.Append("---\n\n").Append(body).ToString()), null);
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
