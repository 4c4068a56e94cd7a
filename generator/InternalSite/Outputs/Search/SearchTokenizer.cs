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

    /// <summary>The indexable terms of <paramref name="text"/>, lower-cased, in order, repeats included.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            // Version-like groups: "2.4.1", "v1.2". Mirrors the (?:\.\d+)* of search.js's word pattern.
            while (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
            {
                i += 2;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }
            }

            var length = i - start;
            if (length is >= MinTermLength and <= MaxTermLength)
            {
                var term = text.Substring(start, length).ToLowerInvariant();
                if (!Stop.Contains(term))
                {
                    yield return term;
                }
            }
        }
    }
}
