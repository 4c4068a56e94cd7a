namespace InternalSite.Outputs.Search;

/// <summary>
/// Splits text into search terms. search.js splits queries with the same rule (a run of letters and digits, with
/// ".digits" groups kept so "2.4.1" stays one term), so what the index holds is exactly what a query can name.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Terms longer than this are noise (hashes, URLs run together) and are not indexed.</summary>
    public const int MaxTermLength = 40;

    /// <summary>Terms shorter than this are not indexed: single letters match everything and say nothing.</summary>
    public const int MinTermLength = 2;

    /// <summary>Words so common in English prose that their postings would be the biggest chunks and rank nothing.</summary>
    public static readonly IReadOnlyList<string> StopWords =
    [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that", "the",
        "this", "to", "was", "with",
    ];

    private static readonly HashSet<string> Stop = new(StopWords, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopSpans = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Calls <paramref name="onTerm"/> with every indexable term of <paramref name="text"/>, lower-cased, in order.</summary>
    /// <remarks>Spans, not strings: a 10,000-page portal has millions of words and most of them repeat.</remarks>
    public static void ForEach<TState>(string? text, TState state, SpanAction<TState> onTerm)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Invariant lower-casing maps char to char, so offsets in the lowered copy are offsets in the text.
        var lowered = text.ToLowerInvariant().AsSpan();
        var i = 0;
        while (i < lowered.Length)
        {
            if (!char.IsLetterOrDigit(lowered[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < lowered.Length && char.IsLetterOrDigit(lowered[i]))
            {
                i++;
            }

            // Version-like groups: "2.4.1", "v1.2". Mirrors the (?:\.\d+)* of search.js's word pattern.
            while (i + 1 < lowered.Length && lowered[i] == '.' && char.IsDigit(lowered[i + 1]))
            {
                i += 2;
                while (i < lowered.Length && char.IsDigit(lowered[i]))
                {
                    i++;
                }
            }

            var term = lowered[start..i];
            if (term.Length is >= MinTermLength and <= MaxTermLength && !StopSpans.Contains(term))
            {
                onTerm(term, state);
            }
        }
    }

    /// <summary>The indexable terms of <paramref name="text"/> as strings (for tests and small texts).</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        ForEach(text, terms, static (term, list) => list.Add(term.ToString()));
        return terms;
    }

    public delegate void SpanAction<in TState>(ReadOnlySpan<char> term, TState state);
}
