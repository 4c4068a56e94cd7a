using InternalSite.Outputs.Search;

namespace InternalSite.Tests.Search;

/// <summary>Which postings chunks an incremental build may keep without encoding them again.</summary>
public sealed class KeptShardsTests
{
    // Terms alpha..delta; document 1 had "charlie" only. Chunks: [alpha, bravo] and [charlie, delta].
    private static readonly PostingsIndex Previous = PostingsIndex.FromArrays(
        ["alpha", "bravo", "charlie", "delta"], [0, 2, 3, 5, 6], [0, 2, 2, 1, 2, 0], new byte[6], new int[6]);

    private static readonly ShardRecord[] Shards =
    [
        new("alpha", "bravo", 2, "first-chunk"),
        new("charlie", "delta", 2, "second-chunk"),
    ];

    private static readonly string[] Terms = ["alpha", "bravo", "charlie", "delta"];

    [Fact]
    public void A_chunk_without_a_term_of_a_changed_document_keeps_its_fingerprint()
    {
        // Document 1 was tokenized again and now has "bravo" instead of "charlie".
        var changed = PostingsIndex.FromArrays(["bravo"], [0, 1], [1], new byte[1], new int[1]);
        var kept = KeptShards.Of(Previous, Shards, [0, -1, 2], changed, documentCount: 3);

        Assert.NotNull(kept);
        Assert.Null(kept.Fingerprint(Terms, 0..2));   // "bravo" gained a posting
        Assert.Null(kept.Fingerprint(Terms, 2..4));   // "charlie" lost one
    }

    [Fact]
    public void Only_the_chunk_holding_a_touched_term_is_made_again()
    {
        // Document 2 changed, but only in a way that touches "delta".
        var previous = PostingsIndex.FromArrays(["alpha", "bravo", "charlie", "delta"], [0, 1, 2, 3, 4], [0, 0, 1, 2], new byte[4], new int[4]);
        var changed = PostingsIndex.FromArrays(["delta"], [0, 1], [2], new byte[1], new int[1]);
        var kept = KeptShards.Of(previous, Shards, [0, 1, -1], changed, documentCount: 3)!;

        Assert.Equal("first-chunk", kept.Fingerprint(Terms, 0..2));
        Assert.Null(kept.Fingerprint(Terms, 2..4));
        Assert.Null(kept.Fingerprint(Terms, 0..1));   // another run of terms than the chunk of the last build
    }

    [Fact]
    public void Nothing_is_kept_when_a_document_moved()
    {
        var changed = PostingsIndex.FromArrays([], [0], [], [], []);
        Assert.Null(KeptShards.Of(Previous, Shards, [1, 2, -1], changed, documentCount: 3));
        Assert.Null(KeptShards.Of(Previous, Shards, [0, 1, 2], changed, documentCount: 4));
        Assert.Null(KeptShards.Of(Previous, [], [0, 1, 2], changed, documentCount: 3));
    }
}
