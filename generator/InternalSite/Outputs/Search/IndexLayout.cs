namespace InternalSite.Outputs.Search;

/// <summary>
/// How the term dictionary and the postings are cut into chunks. A query fetches the vocabulary chunk of each of
/// its words' first letters, then only the postings chunks of the terms it picked: never the whole index. Both
/// kinds of chunk hold runs of consecutive terms of <see cref="PostingsIndex.Terms"/>.
/// </summary>
public sealed class IndexLayout
{
    /// <summary>A vocabulary chunk bigger than this (in JSON characters) is cut by the first two letters instead of one.</summary>
    public const int VocabularySplitSize = 48_000;

    /// <summary>
    /// A postings chunk holds consecutive terms. Where a chunk ends is decided by the terms themselves, not by filling
    /// chunks up: once a chunk holds <see cref="PostingsChunkMinimum"/> bytes (before gzip), it ends after the first
    /// term whose hash is a multiple of <see cref="PostingsCutPeriod"/>. A word new to the site (or a posting more or
    /// less) then changes only the chunk it is in: every other chunk keeps its terms, bytes and number, and so does
    /// every vocabulary chunk but its own. Filled up to a size, as before, one new word moved every later cut: on the
    /// 10k corpus an edit that added a word rewrote about 455 of 461 postings chunks and all 26 vocabulary chunks; now
    /// 3 of each. The sizes keep chunks a few kilobytes on the wire (there: 513 chunks, median 5.2 KB gzipped, largest
    /// 14 KB; before, 461, median 6.8 KB, largest 10 KB).
    /// </summary>
    public const int PostingsChunkMinimum = 3_000;

    /// <summary>A chunk is cut before a term that would take it beyond this (a term bigger alone gets a chunk of its own).</summary>
    public const int PostingsChunkMaximum = 24_000;

    /// <summary>One term in this many (by hash) ends a chunk that holds its minimum.</summary>
    public const int PostingsCutPeriod = 40;

    private IndexLayout(IReadOnlyList<string> vocabularyKeys, IReadOnlyList<Range> vocabularies, IReadOnlyList<Range> shards, int[] shardOf)
    {
        VocabularyKeys = vocabularyKeys;
        Vocabularies = vocabularies;
        Shards = shards;
        ShardOf = shardOf;
    }

    /// <summary>The prefix each vocabulary chunk covers; a word's chunk is the longest key it starts with.</summary>
    public IReadOnlyList<string> VocabularyKeys { get; }

    /// <summary>The terms of each vocabulary chunk, sorted (ordinal), so search.js can binary-search a prefix range.</summary>
    public IReadOnlyList<Range> Vocabularies { get; }

    /// <summary>The terms of each postings chunk.</summary>
    public IReadOnlyList<Range> Shards { get; }

    /// <summary>The postings chunk of each term.</summary>
    public IReadOnlyList<int> ShardOf { get; }

    public static IndexLayout Plan(PostingsIndex postings)
    {
        var terms = postings.Terms;
        var shards = new List<Range>();
        var shardOf = new int[terms.Count];
        var first = 0;
        var size = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            // About a byte of document delta, one of weight and one of section per posting.
            var estimate = 2 + (postings.Frequency(t) * 3);
            if (size > 0 && size + estimate > PostingsChunkMaximum)
            {
                shards.Add(first..t);
                first = t;
                size = 0;
            }

            shardOf[t] = shards.Count;
            size += estimate;
            if (size >= PostingsChunkMinimum && Build.Incremental.StableHash.Fnv1a(terms[t]) % PostingsCutPeriod == 0)
            {
                shards.Add(first..(t + 1));
                first = t + 1;
                size = 0;
            }
        }

        if (first < terms.Count)
        {
            shards.Add(first..terms.Count);
        }

        var keys = new List<string>();
        var vocabularies = new List<Range>();
        foreach (var (key, range) in Runs(terms, 0..terms.Count, 1))
        {
            var (offset, length) = range.GetOffsetAndLength(terms.Count);
            var chars = 0;
            for (var t = offset; t < offset + length; t++)
            {
                chars += terms[t].Length + 12;
            }

            if (chars <= VocabularySplitSize)
            {
                keys.Add(key);
                vocabularies.Add(range);
                continue;
            }

            foreach (var (twoKey, twoRange) in Runs(terms, range, 2))
            {
                keys.Add(twoKey);
                vocabularies.Add(twoRange);
            }
        }

        return new IndexLayout(keys, vocabularies, shards, shardOf);
    }

    /// <summary>The runs of sorted terms that share their first <paramref name="letters"/> characters (or are that short).</summary>
    private static IEnumerable<(string Key, Range Terms)> Runs(IReadOnlyList<string> terms, Range range, int letters)
    {
        var (offset, length) = range.GetOffsetAndLength(terms.Count);
        var first = offset;
        for (var t = offset + 1; t <= offset + length; t++)
        {
            // Compared as spans: only each run's key is made into a string, not every term's.
            if (t == offset + length || !Key(terms[t], letters).SequenceEqual(Key(terms[first], letters)))
            {
                yield return (Key(terms[first], letters).ToString(), first..t);
                first = t;
            }
        }
    }

    private static ReadOnlySpan<char> Key(string term, int letters) => term.AsSpan(0, Math.Min(letters, term.Length));
}
