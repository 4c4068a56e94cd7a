using InternalSite.Outputs.Search;

namespace InternalSite.Tests.Search;

/// <summary>Which postings and vocabulary chunks an incremental build may keep without encoding them again.</summary>
public sealed class KeptShardsTests
{
    private static readonly string[] Terms = ["alpha", "bravo", "charlie", "delta"];

    // Postings chunks [alpha, bravo] and [charlie, delta]; one vocabulary chunk of all four terms.
    private static SearchIndexState Previous(PostingsIndex postings) => new([], [], postings)
    {
        Shards = [new("alpha", "bravo", 2, "first-chunk"), new("charlie", "delta", 2, "second-chunk")],
        Vocabularies = [new("alpha", "delta", 4, "vocabulary")],
    };

    private static PostingsIndex Postings(string[] terms, int[] start, int[] documents) =>
        PostingsIndex.FromArrays(terms, start, documents, new byte[documents.Length], new int[documents.Length]);

    /// <summary>What can be kept, with the terms that lost a document found as the search index output finds them.</summary>
    private static KeptShards? Kept(SearchIndexState previous, int[] newIdOf, PostingsIndex changed, int documentCount) =>
        KeptShards.Of(previous, newIdOf, changed, documentCount, DroppedPostings.TermsWithDroppedDocuments(previous.Postings, newIdOf));

    [Fact]
    public void A_chunk_holding_a_term_of_a_changed_document_is_made_again()
    {
        // Document 1 had "charlie" only; tokenized again, it has "bravo" instead.
        var previous = Previous(Postings(Terms, [0, 2, 3, 5, 6], [0, 2, 2, 1, 2, 0]));
        var kept = Kept(previous, [0, -1, 2], Postings(["bravo"], [0, 1], [1]), documentCount: 3);

        Assert.NotNull(kept);
        Assert.Null(kept.Shard(Terms, 0..2));   // "bravo" gained a posting
        Assert.Null(kept.Shard(Terms, 2..4));   // "charlie" lost one
    }

    [Fact]
    public void Only_the_chunks_holding_a_touched_term_are_made_again()
    {
        // Document 2 changed, in a way that touches "delta" only.
        var previous = Previous(Postings(Terms, [0, 1, 2, 3, 4], [0, 0, 1, 2]));
        var kept = Kept(previous, [0, 1, -1], Postings(["delta"], [0, 1], [2]), documentCount: 3)!;

        Assert.Equal(("first-chunk", 0), kept.Shard(Terms, 0..2));
        Assert.Null(kept.Shard(Terms, 2..4));
        Assert.Null(kept.Shard(Terms, 0..1));   // another run of terms than the chunk of the last build
    }

    [Fact]
    public void A_vocabulary_chunk_is_kept_only_while_all_its_postings_chunks_are_kept_in_place()
    {
        var previous = Previous(Postings(Terms, [0, 1, 2, 3, 4], [0, 0, 1, 2]));
        var kept = Kept(previous, [0, 1, -1], Postings(["delta"], [0, 1], [2]), documentCount: 3)!;
        var postings = Postings(Terms, [0, 1, 2, 3, 4], [0, 0, 1, 2]);
        var layout = IndexLayout.Plan(postings);
        var allInPlace = Enumerable.Repeat(true, layout.Shards.Count).ToArray();

        Assert.Equal("vocabulary", kept.Vocabulary(Terms, 0..4, layout, allInPlace));
        Assert.Null(kept.Vocabulary(Terms, 0..4, layout, new bool[layout.Shards.Count]));
        Assert.Null(kept.Vocabulary(Terms, 0..3, layout, allInPlace));
    }

    [Fact]
    public void Nothing_is_kept_when_a_document_moved()
    {
        var previous = Previous(Postings(Terms, [0, 2, 3, 5, 6], [0, 2, 2, 1, 2, 0]));
        var changed = Postings([], [0], []);
        Assert.Null(Kept(previous, [1, 2, -1], changed, documentCount: 3));
        Assert.Null(Kept(previous, [0, 1, 2], changed, documentCount: 4));
        Assert.Null(Kept(previous with { Shards = [] }, [0, 1, 2], changed, documentCount: 3));
    }
}
