namespace InternalSite.Model;

/// <summary>A tag, audience or label, and the pages that carry it (newest first).</summary>
public sealed record TaxonomyTerm(string Taxonomy, string Name, string Slug, string Route, IReadOnlyList<Page> Pages)
{
    public int Count => Pages.Count;
}
