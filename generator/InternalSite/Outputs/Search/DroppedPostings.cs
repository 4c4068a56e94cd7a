namespace InternalSite.Outputs.Search;

/// <summary>
/// Which terms of the last build's postings have a document that an incremental build drops (a page gone, or
/// tokenized again because it changed): only those terms' kept postings can differ from the last build's.
/// </summary>
internal static class DroppedPostings
{
    /// <summary>
    /// Up to this many dropped documents, each is looked for in every term's postings by binary search (a term's
    /// documents ascend); beyond, every posting is looked up instead.
    /// </summary>
    private const int SearchedDocumentsLimit = 16;

    /// <summary>For each term of <paramref name="previous"/>, whether one of its documents has no id now (-1 in <paramref name="newIdOf"/>).</summary>
    public static bool[] TermsWithDroppedDocuments(PostingsIndex previous, int[] newIdOf)
    {
        var dropped = new List<int>();
        for (var id = 0; id < newIdOf.Length; id++)
        {
            if (newIdOf[id] < 0)
            {
                dropped.Add(id);
            }
        }

        var flags = new bool[previous.Terms.Count];
        if (dropped.Count == 0)
        {
            return flags;
        }

        var few = dropped.Count <= SearchedDocumentsLimit;
        for (var term = 0; term < flags.Length; term++)
        {
            flags[term] = few ? HasAny(previous.DocumentsOf(term), dropped) : HasDropped(previous.DocumentsOf(term), newIdOf);
        }

        return flags;
    }

    private static bool HasAny(ReadOnlySpan<int> ascending, List<int> documents)
    {
        foreach (var document in documents)
        {
            if (ascending.BinarySearch(document) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDropped(ReadOnlySpan<int> documents, int[] newIdOf)
    {
        foreach (var document in documents)
        {
            if (newIdOf[document] < 0)
            {
                return true;
            }
        }

        return false;
    }
}
