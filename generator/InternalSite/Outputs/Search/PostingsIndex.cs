namespace InternalSite.Outputs.Search;

/// <summary>
/// Every term's postings in flat arrays (one slice per term, documents ascending), with the terms sorted ordinally:
/// the order the vocabulary and the postings chunks are written in, whatever numbers the terms got while tokenizing.
/// </summary>
public sealed class PostingsIndex
{
    private readonly int[] start;

    private PostingsIndex(string[] terms, int[] start, int[] documents, byte[] weights, int[] sections)
    {
        Terms = terms;
        this.start = start;
        Documents = documents;
        Weights = weights;
        Sections = sections;
    }

    /// <summary>The terms, sorted (ordinal); a term's index here is its number in the rest of this class.</summary>
    public IReadOnlyList<string> Terms { get; }

    public int[] Documents { get; }

    public byte[] Weights { get; }

    public int[] Sections { get; }

    /// <summary>Where term <paramref name="term"/>'s postings sit in the flat arrays.</summary>
    public Range Of(int term) => start[term]..start[term + 1];

    /// <summary>How many documents have the term.</summary>
    public int Frequency(int term) => start[term + 1] - start[term];

    /// <summary>The starts of every term's postings in the flat arrays, and the end of the last one.</summary>
    internal ReadOnlySpan<int> Starts => start;

    /// <summary>An index from its flat arrays (as <see cref="Starts"/> and the other members give them).</summary>
    internal static PostingsIndex FromArrays(string[] terms, int[] start, int[] documents, byte[] weights, int[] sections) =>
        new(terms, start, documents, weights, sections);

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

        return new PostingsIndex(terms, start, documents, weights, sections);
    }
}
