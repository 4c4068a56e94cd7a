namespace InternalSite.Outputs.Search;

/// <summary>
/// An incremental build's postings, made from the last build's instead of from every page's terms: the postings of
/// the pages that are unchanged are copied under their ids now and merged with those of the pages tokenized again.
/// The result is what <see cref="PostingsIndex.Build(TermTable, IReadOnlyList{TermHit[]})"/> makes from every page:
/// terms sorted, each term's documents ascending, no term without postings. It costs a pass over flat arrays (mostly
/// whole runs copied at once), where building from every page's hits costs a lookup per term of every page and an
/// array per page.
/// </summary>
public static class PostingsPatch
{
    /// <param name="previous">The last build's postings.</param>
    /// <param name="newIdOf">
    /// For each document of the last build, its id now, or -1 when its postings are dropped (the page is gone or
    /// changed). Ascending over the kept documents, so copied postings stay in order.
    /// </param>
    /// <param name="changed">The postings of the documents tokenized again, under their ids now.</param>
    /// <param name="dropsDocument">
    /// For each term of <paramref name="previous"/>, whether one of its documents is dropped (see
    /// <see cref="DroppedPostings.TermsWithDroppedDocuments"/>).
    /// </param>
    public static PostingsIndex Merge(PostingsIndex previous, int[] newIdOf, PostingsIndex changed, bool[] dropsDocument)
    {
        var total = previous.Documents.Length + changed.Documents.Length;
        for (var term = 0; term < dropsDocument.Length; term++)
        {
            if (dropsDocument[term])
            {
                foreach (var document in previous.Documents.AsSpan(previous.Of(term)))
                {
                    total -= newIdOf[document] < 0 ? 1 : 0;
                }
            }
        }

        // While every kept document keeps its id (the usual edit: a page's text or title), a term no dropped or
        // changed document has keeps its postings as they are: runs of such terms are copied whole.
        var idsKept = KeepsIds(newIdOf);
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
            if (order < 0 && idsKept && !dropsDocument[p])
            {
                var from = previous.Starts[p];
                var to = at;
                do
                {
                    at += previous.Frequency(p);
                    terms.Add(before[p++]);
                    start.Add(at);
                }
                while (p < before.Count && !dropsDocument[p] && (c == added.Count || string.CompareOrdinal(before[p], added[c]) < 0));

                Array.Copy(previous.Documents, from, documents, to, at - to);
                Array.Copy(previous.Weights, from, weights, to, at - to);
                Array.Copy(previous.Sections, from, sections, to, at - to);
                continue;
            }

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

    /// <summary>Whether every kept document keeps its id (none was added or removed before it).</summary>
    internal static bool KeepsIds(int[] newIdOf)
    {
        for (var id = 0; id < newIdOf.Length; id++)
        {
            if (newIdOf[id] >= 0 && newIdOf[id] != id)
            {
                return false;
            }
        }

        return true;
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
