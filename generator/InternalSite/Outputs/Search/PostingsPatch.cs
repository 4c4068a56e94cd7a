namespace InternalSite.Outputs.Search;

/// <summary>
/// An incremental build's postings, made from the last build's instead of from every page's terms: the postings of
/// the pages that are unchanged are kept under their ids now and merged with those of the pages tokenized again.
/// The result holds what <see cref="PostingsIndex.Build(TermTable, IReadOnlyList{TermHit[]})"/> makes from every page:
/// terms sorted, each term's documents ascending, no term without postings.
/// </summary>
/// <remarks>
/// While every kept document keeps its id (the usual edit: a page's text or title), a term no dropped or changed
/// document has keeps its postings as they are, where they are: only the touched terms' postings are written, to
/// arrays of their own, so an edit costs a pass over the terms, not a copy of every posting. When ids moved (a page
/// added or removed before others), or the postings are spread over too many sets of arrays (a long
/// <c>serve</c> session), every posting is copied to one new set.
/// </remarks>
public static class PostingsPatch
{
    /// <summary>Sets of arrays an index may be spread over before the next merge copies it into one.</summary>
    internal const int MaxStores = 16;

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
        if (!KeepsIds(newIdOf))
        {
            return Copied(previous, newIdOf, changed, dropsDocument, idsKept: false);
        }

        if (changed.Terms.Count == 0 && Array.IndexOf(dropsDocument, true) < 0)
        {
            return previous;
        }

        return previous.StoreCount < MaxStores
            ? Patched(previous, newIdOf, changed, dropsDocument)
            : Copied(previous, newIdOf, changed, dropsDocument, idsKept: true);
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

    /// <summary>Untouched terms stay where they are; touched ones are merged into one new set of arrays.</summary>
    private static PostingsIndex Patched(PostingsIndex previous, int[] newIdOf, PostingsIndex changed, bool[] dropsDocument)
    {
        var before = previous.Terms;
        var added = changed.Terms;
        var capacity = before.Count + added.Count;
        var terms = new List<string>(capacity);
        var start = new List<int>(capacity + 1) { 0 };
        var storeOf = new List<byte>(capacity);
        var offsetOf = new List<int>(capacity);
        // Touched terms are mostly the ones a changed page had before (and has again): sized for their postings, the
        // patch rarely grows.
        var touchedPostings = changed.Count + 1024;
        for (var term = 0; term < dropsDocument.Length; term++)
        {
            touchedPostings += dropsDocument[term] ? previous.Frequency(term) : 0;
        }

        var patch = new Columns(touchedPostings);
        var patchStore = (byte)previous.StoreCount;
        var total = 0;
        int p = 0, c = 0;
        while (p < before.Count || c < added.Count)
        {
            var order = p == before.Count ? 1 : c == added.Count ? -1 : string.CompareOrdinal(before[p], added[c]);
            if (order < 0 && !dropsDocument[p])
            {
                var (store, offset) = previous.Location(p);
                total += previous.Frequency(p);
                terms.Add(before[p++]);
                start.Add(total);
                storeOf.Add((byte)store);
                offsetOf.Add(offset);
                continue;
            }

            var first = patch.Count;
            var kept = order <= 0 ? p : -1;
            var fresh = order >= 0 ? c : -1;
            var term = order <= 0 ? before[p++] : added[c];
            if (order >= 0)
            {
                c++;
            }

            patch.Reserve(Length(previous, kept) + Length(changed, fresh));
            MergeTerm(previous, kept, newIdOf, changed, fresh, patch);
            if (patch.Count > first)
            {
                total += patch.Count - first;
                terms.Add(term);
                start.Add(total);
                storeOf.Add(patchStore);
                offsetOf.Add(first);
            }
        }

        var stores = new PostingsStore[previous.StoreCount + 1];
        for (var s = 0; s < previous.StoreCount; s++)
        {
            stores[s] = previous.Store(s);
        }

        stores[^1] = patch.ToStore();
        return PostingsIndex.FromStores(terms.ToArray(), start.ToArray(), stores, storeOf.ToArray(), offsetOf.ToArray());
    }

    /// <summary>Every posting copied (renumbered where ids moved) into one new set of flat arrays.</summary>
    private static PostingsIndex Copied(PostingsIndex previous, int[] newIdOf, PostingsIndex changed, bool[] dropsDocument, bool idsKept)
    {
        var total = previous.Count + changed.Count;
        for (var term = 0; term < dropsDocument.Length; term++)
        {
            if (dropsDocument[term])
            {
                foreach (var document in previous.DocumentsOf(term))
                {
                    total -= newIdOf[document] < 0 ? 1 : 0;
                }
            }
        }

        var before = previous.Terms;
        var added = changed.Terms;
        var terms = new List<string>(before.Count + added.Count);
        var start = new List<int>(before.Count + added.Count + 1) { 0 };
        var columns = new Columns(total);
        int p = 0, c = 0;
        while (p < before.Count || c < added.Count)
        {
            var order = p == before.Count ? 1 : c == added.Count ? -1 : string.CompareOrdinal(before[p], added[c]);
            var first = columns.Count;
            if (order < 0 && idsKept && !dropsDocument[p])
            {
                columns.Append(previous.DocumentsOf(p), previous.WeightsOf(p), previous.SectionsOf(p));
                terms.Add(before[p++]);
                start.Add(columns.Count);
                continue;
            }

            var kept = order <= 0 ? p : -1;
            var fresh = order >= 0 ? c : -1;
            var term = order <= 0 ? before[p++] : added[c];
            if (order >= 0)
            {
                c++;
            }

            MergeTerm(previous, kept, newIdOf, changed, fresh, columns);
            if (columns.Count > first)
            {
                terms.Add(term);
                start.Add(columns.Count);
            }
        }

        var store = columns.ToStore();
        return PostingsIndex.FromArrays(terms.ToArray(), start.ToArray(), store.Documents, store.Weights, store.Sections);
    }

    private static int Length(PostingsIndex postings, int term) => term < 0 ? 0 : postings.Frequency(term);

    /// <summary>
    /// One term's postings: the kept ones of term <paramref name="kept"/> of <paramref name="previous"/> (renumbered)
    /// and the fresh ones of term <paramref name="fresh"/> of <paramref name="changed"/>, by ascending document; -1 for none.
    /// </summary>
    private static void MergeTerm(PostingsIndex previous, int kept, int[] newIdOf, PostingsIndex changed, int fresh, Columns into)
    {
        var keptDocuments = kept < 0 ? default : previous.DocumentsOf(kept);
        var keptWeights = kept < 0 ? default : previous.WeightsOf(kept);
        var keptSections = kept < 0 ? default : previous.SectionsOf(kept);
        var freshDocuments = fresh < 0 ? default : changed.DocumentsOf(fresh);
        var freshWeights = fresh < 0 ? default : changed.WeightsOf(fresh);
        var freshSections = fresh < 0 ? default : changed.SectionsOf(fresh);
        int k = 0, f = 0;
        while (true)
        {
            while (k < keptDocuments.Length && newIdOf[keptDocuments[k]] < 0)
            {
                k++;
            }

            var keptId = k < keptDocuments.Length ? newIdOf[keptDocuments[k]] : int.MaxValue;
            var freshId = f < freshDocuments.Length ? freshDocuments[f] : int.MaxValue;
            if (keptId == int.MaxValue && freshId == int.MaxValue)
            {
                return;
            }

            if (keptId < freshId)
            {
                into.Add(keptId, keptWeights[k], keptSections[k++]);
            }
            else
            {
                into.Add(freshId, freshWeights[f], freshSections[f++]);
            }
        }
    }

    /// <summary>Postings being written: three columns that grow together.</summary>
    private sealed class Columns(int capacity)
    {
        private int[] documents = new int[capacity];
        private byte[] weights = new byte[capacity];
        private int[] sections = new int[capacity];

        public int Count { get; private set; }

        public void Reserve(int more)
        {
            if (Count + more > documents.Length)
            {
                var size = Math.Max(Count + more, documents.Length * 2);
                Array.Resize(ref documents, size);
                Array.Resize(ref weights, size);
                Array.Resize(ref sections, size);
            }
        }

        public void Add(int document, byte weight, int section)
        {
            documents[Count] = document;
            weights[Count] = weight;
            sections[Count++] = section;
        }

        public void Append(ReadOnlySpan<int> moreDocuments, ReadOnlySpan<byte> moreWeights, ReadOnlySpan<int> moreSections)
        {
            moreDocuments.CopyTo(documents.AsSpan(Count));
            moreWeights.CopyTo(weights.AsSpan(Count));
            moreSections.CopyTo(sections.AsSpan(Count));
            Count += moreDocuments.Length;
        }

        /// <summary>The arrays as they are: a patch's may be longer than its postings, which are found by offset.</summary>
        public PostingsStore ToStore() => new(documents, weights, sections);
    }
}
