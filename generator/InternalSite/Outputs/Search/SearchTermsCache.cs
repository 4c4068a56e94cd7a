using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// The weighed terms of a document, made once per page content in a process that builds more than once
/// (<c>serve</c>). <see cref="DocumentTerms.Of"/> reads the page's title, summary and text sections and the
/// document's kind: the text sections are the key (the markdown cache hands out the same list while the body is
/// unchanged), the rest is named in the key.
/// </summary>
internal static class SearchTermsCache
{
    public static List<TermHit> Of(SearchDocument document, OutputContext context)
    {
        if (context.Incremental is not { } incremental)
        {
            return DocumentTerms.Of(document);
        }

        var page = document.Page;
        var key = string.Join('\u0001', "search-terms", document.KindKey, page.Title, page.Summary ?? "\u0002");
        return incremental.Memory.DerivedFrom(page.TextSections, key, () => DocumentTerms.Of(document));
    }
}
