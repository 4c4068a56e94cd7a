namespace InternalSite.Outputs.Search;

/// <summary>A postings or vocabulary chunk of one build: the run of terms it holds and the fingerprint of its bytes.</summary>
internal sealed record TermRunChunk(string FirstTerm, string LastTerm, int TermCount, string Fingerprint)
{
    public static TermRunChunk Of(IReadOnlyList<string> terms, Range range, string fingerprint)
    {
        var (first, count) = range.GetOffsetAndLength(terms.Count);
        return new TermRunChunk(terms[first], terms[first + count - 1], count, fingerprint);
    }

    /// <summary>Whether this chunk held exactly the run <paramref name="range"/> of <paramref name="terms"/>.</summary>
    public bool Holds(IReadOnlyList<string> terms, Range range)
    {
        var (first, count) = range.GetOffsetAndLength(terms.Count);
        return count == TermCount && count > 0 && string.Equals(FirstTerm, terms[first], StringComparison.Ordinal)
            && string.Equals(LastTerm, terms[first + count - 1], StringComparison.Ordinal);
    }
}

/// <summary>
/// Which postings and vocabulary chunks of an incremental build hold what they held in the last build, so they are
/// neither encoded nor hashed again. While every kept document keeps its id, a term's postings can only differ if a
/// changed document has the term (now or before): a postings chunk made of the same run of terms, none of them such
/// a term, has the same bytes. A vocabulary chunk gives each of its terms' document count, postings chunk number and
/// place there: it has the same bytes when it holds the same run of terms and all their postings chunks are kept
/// under the same numbers.
/// </summary>
internal sealed class KeptShards
{
    private readonly Dictionary<string, (TermRunChunk Chunk, int Number)> shardsByFirstTerm;
    private readonly Dictionary<string, TermRunChunk> vocabulariesByFirstTerm;
    private readonly HashSet<string> touched;

    private KeptShards(SearchIndexState previous, HashSet<string> touched)
    {
        shardsByFirstTerm = new(previous.Shards.Count, StringComparer.Ordinal);
        for (var i = 0; i < previous.Shards.Count; i++)
        {
            shardsByFirstTerm.TryAdd(previous.Shards[i].FirstTerm, (previous.Shards[i], i));
        }

        vocabulariesByFirstTerm = new(previous.Vocabularies.Count, StringComparer.Ordinal);
        foreach (var vocabulary in previous.Vocabularies)
        {
            vocabulariesByFirstTerm.TryAdd(vocabulary.FirstTerm, vocabulary);
        }

        this.touched = touched;
    }

    /// <summary>
    /// What can be kept, given the last build's postings and chunks, each of its documents' id now (-1 for documents
    /// dropped or tokenized again), the postings of the documents tokenized again and which of the last build's
    /// terms have a dropped document (<see cref="DroppedPostings"/>). Null when a kept document's id moved (a page was
    /// added or removed before it): then every posting after it differs.
    /// </summary>
    public static KeptShards? Of(SearchIndexState previousIndex, int[] newIdOf, PostingsIndex changed, int documentCount, bool[] dropsDocument)
    {
        var previous = previousIndex.Postings;
        if (documentCount != newIdOf.Length || previousIndex.Shards.Count == 0 || !PostingsPatch.KeepsIds(newIdOf))
        {
            return null;
        }

        var touched = new HashSet<string>(changed.Terms, StringComparer.Ordinal);
        for (var term = 0; term < dropsDocument.Length; term++)
        {
            if (dropsDocument[term])
            {
                touched.Add(previous.Terms[term]);
            }
        }

        return new KeptShards(previousIndex, touched);
    }

    /// <summary>
    /// The last build's fingerprint and number of the postings chunk of <paramref name="range"/> of
    /// <paramref name="terms"/>, if its bytes are unchanged.
    /// </summary>
    public (string Fingerprint, int Number)? Shard(IReadOnlyList<string> terms, Range range)
    {
        var (first, count) = range.GetOffsetAndLength(terms.Count);
        if (count == 0 || !shardsByFirstTerm.TryGetValue(terms[first], out var shard) || !shard.Chunk.Holds(terms, range))
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

        return (shard.Chunk.Fingerprint, shard.Number);
    }

    /// <summary>
    /// The last build's fingerprint of the vocabulary chunk of <paramref name="range"/>, if it held the same terms and
    /// <paramref name="shardKeptInPlace"/> says every postings chunk its terms are in (<paramref name="layout"/>) is kept
    /// under its last number.
    /// </summary>
    public string? Vocabulary(IReadOnlyList<string> terms, Range range, IndexLayout layout, bool[] shardKeptInPlace)
    {
        var (first, count) = range.GetOffsetAndLength(terms.Count);
        if (count == 0 || !vocabulariesByFirstTerm.TryGetValue(terms[first], out var vocabulary) || !vocabulary.Holds(terms, range))
        {
            return null;
        }

        for (var shard = layout.ShardOf[first]; shard <= layout.ShardOf[first + count - 1]; shard++)
        {
            if (!shardKeptInPlace[shard])
            {
                return null;
            }
        }

        return vocabulary.Fingerprint;
    }
}
