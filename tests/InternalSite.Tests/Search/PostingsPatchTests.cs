using InternalSite.Outputs.Search;

namespace InternalSite.Tests.Search;

/// <summary>
/// An incremental build merges the last build's postings with those of the pages tokenized again (copying whole runs
/// of untouched terms while ids stay put): the result must be exactly the postings built from every page.
/// </summary>
public sealed class PostingsPatchTests
{
    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 60).Select(n => "term" + (char)('a' + (n % 26)) + (n / 26))];

    /// <summary>A page's terms: distinct, each with a weight and a section, as tokenizing gives them.</summary>
    private static (string Term, byte Weight, int Section)[] Page(Random random) =>
        [.. Vocabulary.Where(_ => random.Next(4) == 0).Select(term => (term, (byte)random.Next(1, 256), random.Next(5)))];

    private static PostingsIndex Index(IReadOnlyList<int> ids, IReadOnlyList<(string Term, byte Weight, int Section)[]> pages)
    {
        var table = new TermTable();
        var hits = pages.Select(page => page.Select(hit => new TermHit(table.IdOf(hit.Term), hit.Weight, hit.Section)).ToArray()).ToList();
        return PostingsIndex.Build(table, [.. ids], hits);
    }

    private static PostingsIndex Merged(PostingsIndex previous, int[] newIdOf, List<(string Term, byte Weight, int Section)[]> now, bool[] tokenizedAgain)
    {
        var changedIds = Enumerable.Range(0, now.Count).Where(id => tokenizedAgain[id]).ToList();
        var changed = Index(changedIds, [.. changedIds.Select(id => now[id])]);
        return PostingsPatch.Merge(previous, newIdOf, changed, DroppedPostings.TermsWithDroppedDocuments(previous, newIdOf));
    }

    private static void AssertSame(PostingsIndex expected, PostingsIndex actual)
    {
        Assert.Equal(expected.Terms, actual.Terms);
        Assert.Equal(expected.Starts.ToArray(), actual.Starts.ToArray());
        var (documents, weights, sections) = expected.Flattened();
        var flat = actual.Flattened();
        Assert.Equal(documents, flat.Documents);
        Assert.Equal(weights, flat.Weights);
        Assert.Equal(sections, flat.Sections);
        for (var term = 0; term < expected.Terms.Count; term++)
        {
            Assert.True(expected.DocumentsOf(term).SequenceEqual(actual.DocumentsOf(term)), expected.Terms[term]);
        }
    }

    /// <summary>One edit: some pages of <paramref name="now"/> tokenized again, in place (ids kept).</summary>
    private static PostingsIndex Edited(PostingsIndex previous, List<(string Term, byte Weight, int Section)[]> now, Random random, int edits)
    {
        var tokenizedAgain = new bool[now.Count];
        for (var e = 0; e < edits; e++)
        {
            var id = random.Next(now.Count);
            now[id] = e % 3 == 0 ? [.. now[id].Append(("zzznewterm" + random.Next(1000), (byte)7, 1))] : Page(random);
            tokenizedAgain[id] = true;
        }

        var newIdOf = Enumerable.Range(0, now.Count).Select(id => tokenizedAgain[id] ? -1 : id).ToArray();
        return Merged(previous, newIdOf, now, tokenizedAgain);
    }

    [Fact]
    public void Edits_in_place_keep_untouched_postings_where_they_are_and_copy_all_only_now_and_then()
    {
        var random = new Random(5);
        var now = Enumerable.Range(0, 80).Select(_ => Page(random)).ToList();
        var postings = Index([.. Enumerable.Range(0, now.Count)], now);
        var storeCounts = new List<int>();
        for (var edit = 0; edit < PostingsPatch.MaxStores + 3; edit++)
        {
            postings = Edited(postings, now, random, 1 + (edit % 3));
            AssertSame(Index([.. Enumerable.Range(0, now.Count)], now), postings);
            storeCounts.Add(postings.StoreCount);
        }

        Assert.Equal(2, storeCounts[0]);                                    // the last build's arrays and the patch
        Assert.Contains(1, storeCounts);                                    // copied into one set when there were too many
        Assert.All(storeCounts, count => Assert.InRange(count, 1, PostingsPatch.MaxStores));
    }

    [Fact]
    public void An_edit_that_changes_nothing_keeps_the_postings_themselves()
    {
        var random = new Random(9);
        var pages = Enumerable.Range(0, 20).Select(_ => Page(random)).ToList();
        var previous = Index([.. Enumerable.Range(0, pages.Count)], pages);
        var newIdOf = Enumerable.Range(0, pages.Count).ToArray();

        Assert.Same(previous, Merged(previous, newIdOf, pages, new bool[pages.Count]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 40)] // more changed pages than are looked for one by one
    public void Pages_changed_in_place_merge_to_the_full_postings(int seed, int edits)
    {
        var random = new Random(seed);
        var before = Enumerable.Range(0, 80).Select(_ => Page(random)).ToList();
        var previous = Index([.. Enumerable.Range(0, before.Count)], before);

        var now = before.ToList();
        var tokenizedAgain = new bool[now.Count];
        for (var e = 0; e < edits; e++)
        {
            var id = random.Next(now.Count);
            now[id] = e % 3 == 0 ? [.. now[id].Append(("zzznewterm" + e, (byte)7, 1))] : Page(random);
            tokenizedAgain[id] = true;
        }

        var newIdOf = Enumerable.Range(0, now.Count).Select(id => tokenizedAgain[id] ? -1 : id).ToArray();
        AssertSame(Index([.. Enumerable.Range(0, now.Count)], now), Merged(previous, newIdOf, now, tokenizedAgain));
    }

    [Fact]
    public void A_page_that_loses_its_only_term_drops_the_term()
    {
        List<(string Term, byte Weight, int Section)[]> before = [[("alpha", 1, 0), ("solo", 2, 0)], [("alpha", 3, 1)]];
        var previous = Index([0, 1], before);
        List<(string Term, byte Weight, int Section)[]> now = [[("alpha", 1, 0)], before[1]];

        var merged = Merged(previous, [-1, 1], now, [true, false]);

        Assert.Equal(["alpha"], merged.Terms);
        AssertSame(Index([0, 1], now), merged);
    }

    [Fact]
    public void Pages_added_and_removed_renumber_the_kept_postings()
    {
        var random = new Random(7);
        var before = Enumerable.Range(0, 50).Select(_ => Page(random)).ToList();
        var previous = Index([.. Enumerable.Range(0, before.Count)], before);

        // A new first page, page 10 gone, page 20 changed: every kept page after the first moves.
        var now = new List<(string Term, byte Weight, int Section)[]> { Page(random) };
        var tokenizedAgain = new List<bool> { true };
        var newIdOf = new int[before.Count];
        for (var id = 0; id < before.Count; id++)
        {
            newIdOf[id] = id is 10 or 20 ? -1 : now.Count;
            if (id != 10)
            {
                tokenizedAgain.Add(id == 20);
                now.Add(id == 20 ? Page(random) : before[id]);
            }
        }

        AssertSame(Index([.. Enumerable.Range(0, now.Count)], now), Merged(previous, newIdOf, now, [.. tokenizedAgain]));
    }

    [Fact]
    public void Dropped_documents_are_found_in_every_term_that_has_them_both_ways()
    {
        var random = new Random(11);
        var pages = Enumerable.Range(0, 60).Select(_ => Page(random)).ToList();
        var postings = Index([.. Enumerable.Range(0, pages.Count)], pages);
        foreach (var dropped in new[] { new[] { 0 }, new[] { 5, 59 }, Enumerable.Range(0, 30).ToArray() })
        {
            var newIdOf = Enumerable.Range(0, pages.Count).Select(id => dropped.Contains(id) ? -1 : id).ToArray();
            var expected = postings.Terms.Select(term => pages.Where((_, id) => dropped.Contains(id)).Any(page => page.Any(hit => hit.Term == term)));
            Assert.Equal(expected, DroppedPostings.TermsWithDroppedDocuments(postings, newIdOf));
        }
    }
}
