using InternalSite.Model;

namespace InternalSite.Content;

/// <summary>What a markdown file's place under <c>content/</c> says about it: its kind, product, guide section and slug.</summary>
public sealed record ContentLocation(
    PageKind Kind,
    string? ProductSlug,
    IReadOnlyList<string> SectionPath,
    string FileSlug,
    bool IsIndex,
    string Folder)
{
    /// <summary>Classifies a path such as <c>content/products/atlas/releases/2.4.md</c>.</summary>
    public static ContentLocation Of(string sourcePath)
    {
        var relative = sourcePath[SiteSource.ContentFolder.Length..];
        var segments = relative.Split('/');
        var fileName = segments[^1];
        var stem = fileName[..^Path.GetExtension(fileName).Length];
        var isIndex = stem == "index";
        var folders = segments[..^1];
        var folder = string.Join('/', folders);

        if (folders.Length == 0 && isIndex)
        {
            return new(PageKind.Home, null, [], string.Empty, true, folder);
        }

        if (folders.Length >= 2 && folders[0] == "products")
        {
            var product = folders[1];
            if (folders.Length == 2 && isIndex)
            {
                return new(PageKind.Product, product, [], product, true, folder);
            }

            if (folders.Length == 3 && folders[2] == "releases" && !isIndex)
            {
                return new(PageKind.Release, product, [], stem, false, folder);
            }

            if (folders.Length >= 3 && folders[2] == "guides")
            {
                return new(PageKind.Guide, product, folders[3..], isIndex ? string.Empty : stem, isIndex, folder);
            }
        }

        if (folders.Length == 1 && folders[0] == "newsletters" && !isIndex)
        {
            return new(PageKind.Newsletter, null, [], stem, false, folder);
        }

        if (folders.Length == 1 && folders[0] == "office-hours" && !isIndex)
        {
            return new(PageKind.Event, null, [], stem, false, folder);
        }

        return new(PageKind.Page, null, [], isIndex ? string.Empty : stem, isIndex, folder);
    }

    /// <summary>The route of a page of <paramref name="kind"/> here, with <paramref name="slug"/> as its last segment.</summary>
    public string RouteFor(PageKind kind, string slug)
    {
        if (kind != Kind)
        {
            return MirrorRoute(slug);
        }

        return kind switch
        {
            PageKind.Home => string.Empty,
            PageKind.Product => $"products/{ProductSlug}/",
            PageKind.Release => $"products/{ProductSlug}/releases/{slug}/",
            PageKind.Guide => GuideRoute(slug),
            PageKind.Newsletter => $"newsletters/{slug}/",
            PageKind.Event => $"office-hours/{slug}/",
            _ => MirrorRoute(slug),
        };
    }

    private string GuideRoute(string slug)
    {
        var sections = SectionPath.Count == 0 ? string.Empty : string.Join('/', SectionPath) + "/";
        return IsIndex ? $"products/{ProductSlug}/guides/{sections}" : $"products/{ProductSlug}/guides/{sections}{slug}/";
    }

    private string MirrorRoute(string slug)
    {
        var prefix = Folder.Length == 0 ? string.Empty : Folder + "/";
        return IsIndex && slug.Length == 0 ? prefix : $"{prefix}{slug}/";
    }
}
