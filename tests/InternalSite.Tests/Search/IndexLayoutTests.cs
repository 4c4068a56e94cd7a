using InternalSite.Outputs.Search;

namespace InternalSite.Tests.Search;

/// <summary>How the postings are cut into chunks: a word new to the site changes the chunk it falls in, not the others.</summary>
public sealed class IndexLayoutTests
{
    /// <summary>Sorted terms, each with as many postings as <paramref name="frequency"/> says.</summary>
    private static PostingsIndex Postings(IReadOnlyList<string> terms, Func<string, int> frequency)
    {
        var start = new int[terms.Count + 1];
        for (var t = 0; t < terms.Count; t++)
        {
            start[t + 1] = start[t] + frequency(terms[t]);
        }

        var total = start[^1];
        var documents = Enumerable.Range(0, total).Select(i => i % 997).ToArray();
        return PostingsIndex.FromArrays([.. terms], start, documents, new byte[total], new int[total]);
    }

    private static int Frequency(string term) => 1 + (Math.Abs(term.GetHashCode(StringComparison.Ordinal)) % 60);

    /// <summary>Each chunk as its first and last term.</summary>
    private static List<string> Chunks(IReadOnlyList<string> terms, IndexLayout layout) =>
        layout.Shards.Select(r => terms[r.Start.Value] + ".." + terms[r.End.Value - 1]).ToList();

    [Fact]
    public void A_word_added_to_the_site_changes_only_the_chunk_it_falls_in()
    {
        var terms = Enumerable.Range(0, 5000).Select(i => $"w{i:D5}").ToList();
        var before = Chunks(terms, IndexLayout.Plan(Postings(terms, Frequency)));
        Assert.True(before.Count > 20, $"{before.Count} chunks");

        foreach (var added in new[] { "w00100x", "w02500x", "w04000x" })
        {
            var withWord = terms.Append(added).Order(StringComparer.Ordinal).ToList();
            var after = Chunks(withWord, IndexLayout.Plan(Postings(withWord, Frequency)));

            // The chunk holding the new word differs (it may also be cut in two there); every other chunk is the same run.
            Assert.True(before.Except(after).Count() <= 1, $"{added}: {before.Except(after).Count()} chunks lost");
            Assert.True(after.Except(before).Count() <= 2, $"{added}: {after.Except(before).Count()} chunks new");
        }
    }

    [Fact]
    public void A_term_with_more_postings_than_a_chunk_holds_gets_a_chunk_of_its_own()
    {
        var terms = Enumerable.Range(0, 300).Select(i => $"w{i:D3}").ToList();
        var layout = IndexLayout.Plan(Postings(terms, term => term == "w150" ? IndexLayout.PostingsChunkMaximum : 5));
        var own = layout.Shards[layout.ShardOf[150]];
        Assert.Equal(150..151, own);
        Assert.All(layout.Shards, shard => Assert.True(shard.End.Value > shard.Start.Value));
        Assert.Equal(Enumerable.Range(0, 300), layout.Shards.SelectMany(r => Enumerable.Range(r.Start.Value, r.End.Value - r.Start.Value)));
    }
}
