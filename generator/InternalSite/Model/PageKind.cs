namespace InternalSite.Model;

public enum PageKind
{
    Home,
    Product,
    Release,
    Guide,
    Newsletter,
    Event,
    Page,

    /// <summary>A page the generator makes itself: changelogs, listings, tag and audience pages, search, 404.</summary>
    Generated,
}

public static class PageKinds
{
    /// <summary>The names writers use for <c>kind:</c> in front matter and for <c>internalsite new</c>.</summary>
    public static readonly IReadOnlyDictionary<string, PageKind> ByName = new Dictionary<string, PageKind>(StringComparer.Ordinal)
    {
        ["home"] = PageKind.Home,
        ["product"] = PageKind.Product,
        ["release"] = PageKind.Release,
        ["guide"] = PageKind.Guide,
        ["newsletter"] = PageKind.Newsletter,
        ["event"] = PageKind.Event,
        ["page"] = PageKind.Page,
    };

    public static string Name(this PageKind kind) => kind switch
    {
        PageKind.Generated => "generated",
        _ => ByName.First(p => p.Value == kind).Key,
    };
}
