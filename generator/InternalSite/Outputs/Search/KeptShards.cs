namespace InternalSite.Outputs.Search;

/// <summary>A postings chunk of one build: the run of terms it holds and the fingerprint of its bytes.</summary>
internal sealed record ShardRecord(string FirstTerm, string LastTerm, int TermCount, string Fingerprint);

/// <summary>
/// Which postings chunks of an incremental build hold what they held in the last build, so they are neither encoded
/// nor hashed again. While every kept document keeps its id, a term's postings can only differ if a changed document
/// has the term (now or before): a chunk made of the same run of terms, none of them such a term, has the same bytes.
/// </summary>
internal sealed class KeptShards
{
    private readonly Dictionary<string, ShardRecord> byFirstTerm;
    private readonly HashSet<string> touched;

    private KeptShards(IReadOnlyList<ShardRecord> previous, HashSet<string> touched)
    {
        byFirstTerm = new Dictionary<string, ShardRecord>(previous.Count, StringComparer.Ordinal);
        foreach (var shard in previous)
        {
            byFirstTerm.TryAdd(shard.FirstTerm, shard);
        }

        this.touched = touched;
    }

    /// <summary>
    /// What can be kept, given the last build's postings and chunks, each of its documents' id now (-1 for documents
    /// dropped or tokenized again) and the postings of the documents tokenized again. Null when a kept document's id
    /// moved (a page was added or removed before it): then every posting after it differs.
    /// </summary>
    public static KeptShards? Of(PostingsIndex previous, IReadOnlyList<ShardRecord> previousShards, int[] newIdOf, PostingsIndex changed, int documentCount)
    {
        if (documentCount != newIdOf.Length || previousShards.Count == 0)
        {
            return null;
        }

        for (var id = 0; id < newIdOf.Length; id++)
        {
            if (newIdOf[id] >= 0 && newIdOf[id] != id)
            {
                return null;
            }
        }

        var touched = new HashSet<string>(changed.Terms, StringComparer.Ordinal);
        for (var term = 0; term < previous.Terms.Count; term++)
        {
            foreach (var document in previous.Documents.AsSpan(previous.Of(term)))
            {
                if (newIdOf[document] < 0)
                {
                    touched.Add(previous.Terms[term]);
                    break;
                }
            }
        }

        return new KeptShards(previousShards, touched);
    }

    /// <summary>The last build's fingerprint of the chunk of <paramref name="range"/> of <paramref name="terms"/>, if it is unchanged.</summary>
    public string? Fingerprint(IReadOnlyList<string> terms, Range range)
    {
        var (first, count) = range.GetOffsetAndLength(terms.Count);
        if (count == 0 || !byFirstTerm.TryGetValue(terms[first], out var shard) || shard.TermCount != count
            || !string.Equals(shard.LastTerm, terms[first + count - 1], StringComparison.Ordinal))
        {
            return null;
        }

        for (var t = first; t < first + count; t++)
        {
            if (touched.Contains(terms[t]))
            {
                return null;
            }
        }

        return shard.Fingerprint;
    }
}
