namespace InternalSite.Outputs.Search;

/// <summary>
/// Which terms of the last build's postings have a document that an incremental build drops (a page gone, or
/// tokenized again because it changed): only those terms' kept postings can differ from the last build's.
/// </summary>
internal static class DroppedPostings
{
    /// <summary>
    /// Up to this many dropped documents, each is looked for with a vectorized search through the flat documents
    /// array: a few sequential scans at memory speed instead of one lookup per posting.
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
        if (dropped.Count <= SearchedDocumentsLimit)
        {
            var documents = previous.Documents.AsSpan();
            foreach (var document in dropped)
            {
                for (int from = 0, found; (found = documents[from..].IndexOf(document)) >= 0; from += found + 1)
                {
                    flags[TermAt(previous.Starts, from + found)] = true;
                }
            }

            return flags;
        }

        for (var term = 0; term < flags.Length; term++)
        {
            foreach (var document in previous.Documents.AsSpan(previous.Of(term)))
            {
                if (newIdOf[document] < 0)
                {
                    flags[term] = true;
                    break;
                }
            }
        }

        return flags;
    }

    /// <summary>The term whose postings hold flat position <paramref name="position"/>: the last one starting at or before it.</summary>
    internal static int TermAt(ReadOnlySpan<int> starts, int position)
    {
        // starts has one more entry than there are terms (the end of the last one).
        int low = 0, high = starts.Length - 2;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (starts[middle] <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
