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
    /// <remarks>
    /// Spans, not strings: a 10,000-page portal has millions of words and most of them repeat. The term is lowered
    /// char by char into a small buffer (invariant lower-casing maps a char to a char, as string.ToLowerInvariant
    /// does for the letters and digits that make terms), so no lowered copy of the whole text is made.
    /// </remarks>
    public static void ForEach<TState>(string? text, TState state, SpanAction<TState> onTerm)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Span<char> buffer = stackalloc char[MaxTermLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTermChar(Lower(text[i])))
            {
                i++;
                continue;
            }

            var length = 0;
            while (i < text.Length && Lower(text[i]) is var c && IsTermChar(c))
            {
                Append(buffer, ref length, c);
                i++;
            }

            // Version-like groups: "2.4.1", "v1.2". Mirrors the (?:\.\d+)* of search.js's word pattern.
            while (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
            {
                Append(buffer, ref length, '.');
                i++;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    Append(buffer, ref length, text[i]);
                    i++;
                }
            }

            if (length is >= MinTermLength and <= MaxTermLength)
            {
                var term = buffer[..length];
                if (!StopSpans.Contains(term))
                {
                    onTerm(term, state);
                }
            }
        }
    }

    private static char Lower(char c) => c < 0x80 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);

    private static bool IsTermChar(char lowered) => lowered < 0x80 ? char.IsAsciiLetterOrDigit(lowered) : char.IsLetterOrDigit(lowered);

    /// <summary>Counts every char of the term but keeps only the first <see cref="MaxTermLength"/>: longer terms are dropped anyway.</summary>
    private static void Append(Span<char> buffer, ref int length, char c)
    {
        if (length < buffer.Length)
        {
            buffer[length] = c;
        }

        length++;
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
