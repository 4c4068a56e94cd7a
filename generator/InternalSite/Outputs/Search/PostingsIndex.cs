using System.Runtime.InteropServices;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Every term's postings (documents ascending), with the terms sorted ordinally: the order the vocabulary and the
/// postings chunks are written in, whatever numbers the terms got while tokenizing.
/// </summary>
/// <remarks>
/// A full build keeps all postings in one set of flat arrays. An incremental build's postings share the last build's
/// arrays for every term it left alone and hold only the terms it touched in arrays of their own (see
/// <see cref="PostingsPatch"/>): so a term's postings are read through <see cref="DocumentsOf"/> and its siblings.
/// </remarks>
public sealed class PostingsIndex
{
    private readonly int[] start;
    private readonly PostingsStore[] stores;

    // Per term, where its postings are: which store, and where in it. Null when every term is in the only store at
    // its place in the flat order.
    private readonly byte[]? storeOf;
    private readonly int[]? offsetOf;

    private PostingsIndex(string[] terms, int[] start, PostingsStore[] stores, byte[]? storeOf, int[]? offsetOf)
    {
        Terms = terms;
        this.start = start;
        this.stores = stores;
        this.storeOf = storeOf;
        this.offsetOf = offsetOf;
    }

    /// <summary>The terms, sorted (ordinal); a term's index here is its number in the rest of this class.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>How many postings there are, over all terms.</summary>
    public int Count => start[^1];

    /// <summary>How many documents have the term.</summary>
    public int Frequency(int term) => start[term + 1] - start[term];

    public ReadOnlySpan<int> DocumentsOf(int term)
    {
        var (store, offset) = Location(term);
        return stores[store].Documents.AsSpan(offset, Frequency(term));
    }

    public ReadOnlySpan<byte> WeightsOf(int term)
    {
        var (store, offset) = Location(term);
        return stores[store].Weights.AsSpan(offset, Frequency(term));
    }

    public ReadOnlySpan<int> SectionsOf(int term)
    {
        var (store, offset) = Location(term);
        return stores[store].Sections.AsSpan(offset, Frequency(term));
    }

    /// <summary>Where each term's postings would start if all were in one set of flat arrays, and the end of the last one.</summary>
    internal ReadOnlySpan<int> Starts => start;

    /// <summary>How many sets of arrays the postings are spread over.</summary>
    internal int StoreCount => stores.Length;

    internal PostingsStore Store(int index) => stores[index];

    /// <summary>Which set of arrays term <paramref name="term"/>'s postings are in, and where they start there.</summary>
    internal (int Store, int Offset) Location(int term) => storeOf is null ? (0, start[term]) : (storeOf[term], offsetOf![term]);

    /// <summary>An index from its flat arrays (as <see cref="Starts"/> and <see cref="Flattened"/> give them).</summary>
    internal static PostingsIndex FromArrays(string[] terms, int[] start, int[] documents, byte[] weights, int[] sections) =>
        new(terms, start, [new PostingsStore(documents, weights, sections)], null, null);

    /// <summary>An index whose terms' postings lie in several sets of arrays, each term's where <paramref name="storeOf"/> and <paramref name="offsetOf"/> say.</summary>
    internal static PostingsIndex FromStores(string[] terms, int[] start, PostingsStore[] stores, byte[] storeOf, int[] offsetOf) =>
        new(terms, start, stores, storeOf, offsetOf);

    /// <summary>All postings in the flat order: documents, weights and sections, each column in one array.</summary>
    internal (int[] Documents, byte[] Weights, int[] Sections) Flattened()
    {
        var documents = new int[Count];
        var weights = new byte[Count];
        var sections = new int[Count];
        for (var term = 0; term < Terms.Count; term++)
        {
            DocumentsOf(term).CopyTo(documents.AsSpan(start[term]));
            WeightsOf(term).CopyTo(weights.AsSpan(start[term]));
            SectionsOf(term).CopyTo(sections.AsSpan(start[term]));
        }

        return (documents, weights, sections);
    }

    /// <summary>
    /// Writes the columns as <see cref="Flattened"/> gives them (all documents, then all weights, then all sections),
    /// straight from wherever they are: one write per run of terms that lie one after another in the same arrays.
    /// </summary>
    internal void WriteColumns(BinaryWriter w)
    {
        WriteRuns(w, (store, from, count) => MemoryMarshal.AsBytes(store.Documents.AsSpan(from, count)));
        WriteRuns(w, (store, from, count) => store.Weights.AsSpan(from, count));
        WriteRuns(w, (store, from, count) => MemoryMarshal.AsBytes(store.Sections.AsSpan(from, count)));
    }

    private delegate ReadOnlySpan<byte> Column(PostingsStore store, int from, int count);

    private void WriteRuns(BinaryWriter w, Column column)
    {
        for (var term = 0; term < Terms.Count;)
        {
            var (store, offset) = Location(term);
            var end = offset;
            for (; term < Terms.Count && Location(term) == (store, end); term++)
            {
                end += Frequency(term);
            }

            w.Write(column(stores[store], offset, end - offset));
        }
    }

    /// <param name="hits">Each document's hits, by document id.</param>
    public static PostingsIndex Build(TermTable table, IReadOnlyList<TermHit[]> hits) =>
        Build(table, Enumerable.Range(0, hits.Count).ToArray(), hits);

    /// <param name="ids">The id of each document whose hits are given, ascending.</param>
    /// <param name="hits">Those documents' hits, in the same order.</param>
    public static PostingsIndex Build(TermTable table, int[] ids, IReadOnlyList<TermHit[]> hits)
    {
        var count = table.Count;
        var terms = new string[count];
        var byText = new int[count];
        for (var id = 0; id < count; id++)
        {
            terms[id] = table[id];
            byText[id] = id;
        }

        Array.Sort(terms, byText, StringComparer.Ordinal);
        var rank = new int[count];
        for (var i = 0; i < count; i++)
        {
            rank[byText[i]] = i;
        }

        // Counting first lets every posting go straight to its place: one pass, no list growing.
        var start = new int[count + 1];
        foreach (var document in hits)
        {
            foreach (var hit in document)
            {
                start[rank[hit.Term] + 1]++;
            }
        }

        for (var i = 0; i < count; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..count];
        var documents = new int[start[count]];
        var weights = new byte[start[count]];
        var sections = new int[start[count]];
        for (var doc = 0; doc < hits.Count; doc++)
        {
            foreach (var hit in hits[doc])
            {
                var at = next[rank[hit.Term]]++;
                documents[at] = ids[doc];
                weights[at] = hit.Weight;
                sections[at] = hit.Section;
            }
        }

        return FromArrays(terms, start, documents, weights, sections);
    }
}

/// <summary>One set of flat arrays holding postings: a document, a weight and a section per posting.</summary>
internal sealed record PostingsStore(int[] Documents, byte[] Weights, int[] Sections);
