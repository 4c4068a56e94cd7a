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
        // Per thread, not per Parallel.For task: tasks are replaced every so often, and each new scratch would start
        // with an empty memo of term numbers.
        using var scratches = new ThreadLocal<Scratch>(() => new Scratch());
        Parallel.For(0, documents.Count, i =>
        {
            var scratch = scratches.Value!;
            var document = documents[i];
            if (session?.MarkdownOf(document.Page) is { } entry)
            {
                var key = StableHash.Of(document.KindKey, document.Page.Title, document.Page.Summary);
                if (entry.Search is { } cached && cached.Key == key)
                {
                    hits[i] = FromCache(cached, table, scratch.Ids);
                    return;
                }

                toKeep[i] = (entry, key);
            }

            hits[i] = DocumentTerms.Of(document, table, scratch.Counter);
        });

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

    /// <param name="ids">
    /// Term numbers by string object: cached terms share their strings (one per term in each cache file, or the
    /// strings of the build that tokenized them), so most lookups are by reference instead of hashing the text.
    /// </param>
    private static TermHit[] FromCache(CachedSearchTerms cached, TermTable table, Dictionary<string, int> ids)
    {
        var hits = new TermHit[cached.Terms.Length];
        for (var t = 0; t < hits.Length; t++)
        {
            var term = cached.Terms[t];
            if (!ids.TryGetValue(term, out var id))
            {
                id = table.IdOf(term);
                ids[term] = id;
            }

            hits[t] = new TermHit(id, cached.Weights[t], cached.Sections[t]);
        }

        return hits;
    }

    /// <summary>One thread's scratch space, reused document after document.</summary>
    private sealed class Scratch
    {
        public DocumentTerms.Counter Counter { get; } = DocumentTerms.NewCounter();

        public Dictionary<string, int> Ids { get; } = new(ReferenceEqualityComparer.Instance);
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
