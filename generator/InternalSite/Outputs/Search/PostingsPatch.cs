namespace InternalSite.Outputs.Search;

/// <summary>
/// An incremental build's postings, made from the last build's instead of from every page's terms: the postings of
/// the pages that are unchanged are copied under their ids now and merged with those of the pages tokenized again.
/// The result is what <see cref="PostingsIndex.Build(TermTable, IReadOnlyList{TermHit[]})"/> makes from every page:
/// terms sorted, each term's documents ascending, no term without postings. It costs a pass over flat arrays, where
/// building from every page's hits costs a lookup per term of every page and an array per page.
/// </summary>
public static class PostingsPatch
{
    /// <param name="previous">The last build's postings.</param>
    /// <param name="newIdOf">
    /// For each document of the last build, its id now, or -1 when its postings are dropped (the page is gone or
    /// changed). Ascending over the kept documents, so copied postings stay in order.
    /// </param>
    /// <param name="changed">The postings of the documents tokenized again, under their ids now.</param>
    public static PostingsIndex Merge(PostingsIndex previous, int[] newIdOf, PostingsIndex changed)
    {
        var total = changed.Documents.Length;
        foreach (var document in previous.Documents)
        {
            if (newIdOf[document] >= 0)
            {
                total++;
            }
        }

        var before = previous.Terms;
        var added = changed.Terms;
        var terms = new List<string>(before.Count + added.Count);
        var start = new List<int>(before.Count + added.Count + 1) { 0 };
        var documents = new int[total];
        var weights = new byte[total];
        var sections = new int[total];
        var at = 0;
        int p = 0, c = 0;
        while (p < before.Count || c < added.Count)
        {
            var order = p == before.Count ? 1 : c == added.Count ? -1 : string.CompareOrdinal(before[p], added[c]);
            var kept = order <= 0 ? previous.Of(p) : default;
            var fresh = order >= 0 ? changed.Of(c) : default;
            var term = order <= 0 ? before[p++] : added[c];
            if (order >= 0)
            {
                c++;
            }

            var first = at;
            MergeTerm(previous, kept, newIdOf, changed, fresh, documents, weights, sections, ref at);
            if (at > first)
            {
                terms.Add(term);
                start.Add(at);
            }
        }

        return PostingsIndex.FromArrays(terms.ToArray(), start.ToArray(), documents, weights, sections);
    }

    /// <summary>One term's postings: the kept ones (renumbered) and the fresh ones, by ascending document.</summary>
    private static void MergeTerm(
        PostingsIndex previous, Range kept, int[] newIdOf, PostingsIndex changed, Range fresh,
        int[] documents, byte[] weights, int[] sections, ref int at)
    {
        var (k, keptEnd) = Bounds(kept);
        var (f, freshEnd) = Bounds(fresh);
        while (true)
        {
            while (k < keptEnd && newIdOf[previous.Documents[k]] < 0)
            {
                k++;
            }

            var keptId = k < keptEnd ? newIdOf[previous.Documents[k]] : int.MaxValue;
            var freshId = f < freshEnd ? changed.Documents[f] : int.MaxValue;
            if (keptId == int.MaxValue && freshId == int.MaxValue)
            {
                return;
            }

            if (keptId < freshId)
            {
                documents[at] = keptId;
                weights[at] = previous.Weights[k];
                sections[at++] = previous.Sections[k++];
            }
            else
            {
                documents[at] = freshId;
                weights[at] = changed.Weights[f];
                sections[at++] = changed.Sections[f++];
            }
        }
    }

    private static (int Start, int End) Bounds(Range range) => (range.Start.Value, range.End.Value);
}
