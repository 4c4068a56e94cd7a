using System.Collections.Concurrent;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Gives every distinct term of the site a number, shared by the threads that tokenize pages in parallel. A term's
/// string is allocated once for the whole site; every later occurrence is a lock-free lookup by span.
/// </summary>
/// <remarks>Numbers depend on thread timing: nothing written may depend on them, only on the terms they stand for.</remarks>
public sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> terms = [];
    private readonly Lock adding = new();

    public TermTable() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many terms have a number; read it once the parallel tokenizing is over.</summary>
    public int Count => terms.Count;

    public string this[int id] => terms[id];

    public int IdOf(ReadOnlySpan<char> term)
    {
        if (lookup.TryGetValue(term, out var id))
        {
            return id;
        }

        lock (adding)
        {
            if (lookup.TryGetValue(term, out id))
            {
                return id;
            }

            var text = term.ToString();
            id = terms.Count;
            terms.Add(text);
            ids[text] = id;
            return id;
        }
    }
}
