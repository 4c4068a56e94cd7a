namespace InternalSite.Outputs.Search;

/// <summary>
/// Matches the documents of the last build's index to this build's by their keys (see
/// <see cref="SearchIndexState.DocumentKeys"/>), so their postings can be carried over under their ids now.
/// </summary>
internal static class SearchIndexRenumbering
{
    /// <summary>
    /// For each document of the last build, its id now when a document of this build has its key, else -1; and in
    /// <paramref name="keptNow"/>, which documents of this build are such a match. Null when a key is not unique or
    /// the matched documents changed order (ids are given newest first, and a kept document's date and route are in
    /// its key, so neither should happen): the caller then builds the index from every document.
    /// </summary>
    public static int[]? Of(string?[] before, string?[] now, bool[] keptNow)
    {
        var idBefore = new Dictionary<string, int>(before.Length, StringComparer.Ordinal);
        for (var id = 0; id < before.Length; id++)
        {
            if (before[id] is { } key && !idBefore.TryAdd(key, id))
            {
                return null;
            }
        }

        var newIdOf = new int[before.Length];
        Array.Fill(newIdOf, -1);
        for (var id = 0; id < now.Length; id++)
        {
            if (now[id] is { } key && idBefore.TryGetValue(key, out var old))
            {
                if (newIdOf[old] >= 0)
                {
                    return null;
                }

                newIdOf[old] = id;
                keptNow[id] = true;
            }
        }

        var last = -1;
        foreach (var id in newIdOf)
        {
            if (id >= 0)
            {
                if (id < last)
                {
                    return null;
                }

                last = id;
            }
        }

        return newIdOf;
    }
}
