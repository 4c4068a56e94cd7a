using InternalSite.Build.Incremental;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Tokenizing every page is most of the cost of the search index. In an incremental build a page's terms are kept
/// with its rendered markdown (whose text sections they are mostly made from), and used again while those sections
/// are the same list and the page's kind, title and summary hash to the same key; only other pages are tokenized.
/// </summary>
internal sealed class SearchTermCache(IncrementalSession? session)
{
    /// <summary>Each document's hits: kept ones mapped to this build's term numbers, others tokenized.</summary>
    public TermHit[][] Hits(IReadOnlyList<SearchDocument> documents, TermTable table)
    {
        var hits = new TermHit[documents.Count][];
        var toKeep = new (MarkdownCacheEntry Entry, string Key)?[documents.Count];
        Parallel.For(0, documents.Count, DocumentTerms.NewCounter, (i, _, counter) =>
        {
            var document = documents[i];
            if (session?.MarkdownOf(document.Page) is { } entry)
            {
                var key = StableHash.Of(document.KindKey, document.Page.Title, document.Page.Summary);
                if (entry.Search is { } cached && cached.Key == key)
                {
                    hits[i] = FromCache(cached, table);
                    return counter;
                }

                toKeep[i] = (entry, key);
            }

            hits[i] = DocumentTerms.Of(document, table, counter);
            return counter;
        }, static _ => { });

        // The table is complete now, so its terms can be read from any thread.
        Parallel.For(0, documents.Count, i =>
        {
            if (toKeep[i] is var (entry, key))
            {
                entry.Search = ToCache(key, hits[i], table);
            }
        });

        return hits;
    }

    private static TermHit[] FromCache(CachedSearchTerms cached, TermTable table)
    {
        var hits = new TermHit[cached.Terms.Length];
        for (var t = 0; t < hits.Length; t++)
        {
            hits[t] = new TermHit(table.IdOf(cached.Terms[t]), cached.Weights[t], cached.Sections[t]);
        }

        return hits;
    }

    private static CachedSearchTerms ToCache(string key, TermHit[] hits, TermTable table)
    {
        var terms = new string[hits.Length];
        var weights = new byte[hits.Length];
        var sections = new int[hits.Length];
        for (var t = 0; t < hits.Length; t++)
        {
            terms[t] = table[hits[t].Term];
            weights[t] = hits[t].Weight;
            sections[t] = hits[t].Section;
        }

        return new CachedSearchTerms(key, terms, weights, sections);
    }
}
