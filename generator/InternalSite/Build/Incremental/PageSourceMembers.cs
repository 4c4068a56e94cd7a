using System.Reflection;
using InternalSite.Model;
using Scriban;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The page members whose value is made from the page's own source alone: its file (front matter, path) parsed with
/// the config, and its body rendered to HTML (whose markdown cache key covers the body, the config, every link target
/// and the images). While a page's source is unchanged, none of them can have changed, so an incremental build checks
/// one fingerprint per page (the member <see cref="Member"/>) instead of each such member a template read of it.
/// Members the site model fills in from other pages (product, previous, next, navigation, lists) are not among them:
/// a property is listed here only when nothing but the page's source decides it, and a property not listed is always
/// checked on its own.
/// </summary>
internal static class PageSourceMembers
{
    /// <summary>The pseudo member standing for a page's source; templates cannot name it (Scriban names have no parentheses).</summary>
    public const string Member = "(source)";

    // Set while the page is read (PageBasics, init-only kind fields) or from the page's rendered markdown
    // (Html, Headings, TextSections, Summary, Image: see SiteBuilder.ApplyMarkdown and ResolveImage).
    private static readonly (Type Type, string[] Properties)[] FromOwnSource =
    [
        (typeof(Page),
        [
            nameof(Page.Basics), nameof(Page.SourcePath), nameof(Page.Kind), nameof(Page.KindName), nameof(Page.Title), nameof(Page.Route),
            nameof(Page.Slug), nameof(Page.Summary), nameof(Page.Date), nameof(Page.Updated), nameof(Page.LastModified), nameof(Page.Draft),
            nameof(Page.Tags), nameof(Page.Audience), nameof(Page.Aliases), nameof(Page.Order), nameof(Page.Image), nameof(Page.Layout),
            nameof(Page.Params), nameof(Page.Html), nameof(Page.Content), nameof(Page.Headings), nameof(Page.TextSections), nameof(Page.SourceStart),
        ]),
        (typeof(ReleaseNote), [nameof(ReleaseNote.ProductSlug), nameof(ReleaseNote.Version), nameof(ReleaseNote.VersionText), nameof(ReleaseNote.Labels)]),
        (typeof(GuidePage), [nameof(GuidePage.ProductSlug), nameof(GuidePage.SectionPath), nameof(GuidePage.IsSectionIndex)]),
        (typeof(ProductPage),
        [
            nameof(ProductPage.ProductSlug), nameof(ProductPage.Status), nameof(ProductPage.StatusName), nameof(ProductPage.Owner),
            nameof(ProductPage.Team), nameof(ProductPage.Contact), nameof(ProductPage.Links), nameof(ProductPage.Logo),
        ]),
        (typeof(Newsletter), [nameof(Newsletter.Subject), nameof(Newsletter.Preheader), nameof(Newsletter.Digest)]),
        (typeof(OfficeHours),
        [
            nameof(OfficeHours.Start), nameof(OfficeHours.Duration), nameof(OfficeHours.TimeZone), nameof(OfficeHours.TimeZoneId),
            nameof(OfficeHours.StartZoned), nameof(OfficeHours.Recurrence), nameof(OfficeHours.Cancelled), nameof(OfficeHours.Location),
            nameof(OfficeHours.JoinUrl), nameof(OfficeHours.Host), nameof(OfficeHours.ProductSlug),
        ]),
    ];

    private static readonly Type[] PageTypes =
        [typeof(Page), typeof(ReleaseNote), typeof(GuidePage), typeof(ProductPage), typeof(Newsletter), typeof(OfficeHours), typeof(GeneratedPage)];

    private static readonly HashSet<string> Names = SourceOnlyNames();

    /// <summary>True when <paramref name="member"/> (a template's name for it) is made from the page's own source on every kind of page.</summary>
    public static bool IsFromOwnSource(string member) => Names.Contains(member);

    /// <summary>
    /// A fingerprint of everything the listed members are made from: the page's file and config (as the parse cache
    /// knows them) and its rendered body's markdown cache key. Null when this build cannot tell where the page came
    /// from (a generated page, or one not read through the caches): its members are then checked one by one.
    /// </summary>
    public static string? Fingerprint(Page page, IncrementalState state) =>
        Fingerprint(page, state.Memory, state.Markdown.GetValueOrDefault(page.SourcePath));

    /// <summary>The same, given the page's markdown cache entry (null when it has none).</summary>
    public static string? Fingerprint(Page page, MemoryCaches memory, MarkdownCacheEntry? markdown)
    {
        if (page.SourcePath.Length == 0 || page is GeneratedPage
            || !memory.ParsedPages.TryGetValue(page.SourcePath, out var parsed) || parsed.Parsed is not { } parsedPage
            || !ReferenceEquals(parsedPage.Page.Basics, page.Basics) || !ReferenceEquals(parsedPage.Page.GetType(), page.GetType())
            || markdown is null || !page.ShowsBody(markdown.Rendered))
        {
            return null;
        }

        return StableHash.Of("page source", parsed.Hash, parsed.ConfigKey, markdown.Key);
    }

    private static HashSet<string> SourceOnlyNames()
    {
        var context = new TemplateContext();
        string NameOf(MemberInfo member) => context.MemberRenamer?.Invoke(member) ?? member.Name;

        var own = new HashSet<PropertyInfo>();
        foreach (var (type, properties) in FromOwnSource)
        {
            foreach (var name in properties)
            {
                own.Add(type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                    ?? throw new InvalidOperationException($"{type.Name} has no property {name}"));
            }
        }

        // A name is trusted only if no kind of page has a property of that name made from anything else.
        var names = own.Select(NameOf).ToHashSet(StringComparer.Ordinal);
        foreach (var type in PageTypes)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var declared = property.DeclaringType!.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance)!;
                if (!own.Contains(property) && !own.Contains(declared))
                {
                    names.Remove(NameOf(property));
                }
            }
        }

        return names;
    }
}
