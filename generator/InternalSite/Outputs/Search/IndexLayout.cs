namespace InternalSite.Outputs.Search;

/// <summary>
/// How the term dictionary and the postings are cut into chunks. A query fetches the vocabulary chunk of each of
/// its words' first letters, then only the postings chunks of the terms it picked: never the whole index.
/// </summary>
public sealed class IndexLayout
{
    /// <summary>A vocabulary chunk bigger than this (in JSON characters) is cut by the first two letters instead of one.</summary>
    public const int VocabularySplitSize = 48_000;

    /// <summary>Postings chunks are filled with consecutive terms up to about this many JSON characters.</summary>
    public const int PostingsChunkSize = 12_000;

    private IndexLayout(IReadOnlyList<string> vocabularyKeys, IReadOnlyList<List<string>> vocabularies, IReadOnlyList<List<string>> shards, IReadOnlyDictionary<string, int> shardOf)
    {
        VocabularyKeys = vocabularyKeys;
        Vocabularies = vocabularies;
        Shards = shards;
        ShardOf = shardOf;
    }

    /// <summary>The prefix each vocabulary chunk covers; a word's chunk is the longest key it starts with.</summary>
    public IReadOnlyList<string> VocabularyKeys { get; }

    /// <summary>The terms of each vocabulary chunk, sorted (ordinal), so search.js can binary-search a prefix range.</summary>
    public IReadOnlyList<List<string>> Vocabularies { get; }

    /// <summary>The terms of each postings chunk.</summary>
    public IReadOnlyList<List<string>> Shards { get; }

    public IReadOnlyDictionary<string, int> ShardOf { get; }

    /// <param name="postings">Term → flat [doc, weight, section, …] triples, doc ascending.</param>
    public static IndexLayout Plan(IReadOnlyDictionary<string, List<int>> postings)
    {
        var terms = postings.Keys.Order(StringComparer.Ordinal).ToList();

        var shards = new List<List<string>>();
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var size = 0;
        foreach (var term in terms)
        {
            var estimate = term.Length + 4 + (postings[term].Count * 3);
            if (shards.Count == 0 || (size > 0 && size + estimate > PostingsChunkSize))
            {
                shards.Add([]);
                size = 0;
            }

            shards[^1].Add(term);
            shardOf[term] = shards.Count - 1;
            size += estimate;
        }

        var keys = new List<string>();
        var vocabularies = new List<List<string>>();
        foreach (var byFirst in terms.GroupBy(t => t[..1], StringComparer.Ordinal))
        {
            var group = byFirst.ToList();
            if (group.Sum(t => t.Length + 12) <= VocabularySplitSize)
            {
                keys.Add(byFirst.Key);
                vocabularies.Add(group);
                continue;
            }

            foreach (var byTwo in group.GroupBy(t => t.Length < 2 ? t : t[..2], StringComparer.Ordinal))
            {
                keys.Add(byTwo.Key);
                vocabularies.Add(byTwo.ToList());
            }
        }

        return new IndexLayout(keys, vocabularies, shards, shardOf);
    }
}
