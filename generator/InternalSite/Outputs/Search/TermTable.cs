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

    public int IdOf(ReadOnlySpan<char> term) => IdOf(term, out _);

    /// <param name="text">The term's string, shared by every lookup of it.</param>
    public int IdOf(ReadOnlySpan<char> term, out string text)
    {
        if (lookup.TryGetValue(term, out text!, out var id))
        {
            return id;
        }

        lock (adding)
        {
            if (lookup.TryGetValue(term, out text!, out id))
            {
                return id;
            }

            text = term.ToString();
            id = terms.Count;
            terms.Add(text);
            ids[text] = id;
            return id;
        }
    }
}

/// <summary>
/// One thread's memo of the term numbers it has looked up: a plain open-addressing table probed with the term's
/// characters, in front of the shared <see cref="TermTable"/>. Tokenizing looks up every word of every page, and
/// most of them repeat; this is a few times cheaper per word than the shared concurrent table.
/// </summary>
public sealed class LocalTermIds(TermTable table)
{
    private string?[] keys = new string?[1 << 14];
    private int[] ids = new int[1 << 14];
    private int count;

    public TermTable Table => table;

    public int IdOf(ReadOnlySpan<char> term)
    {
        var mask = keys.Length - 1;
        for (var slot = (int)Hash(term) & mask; ; slot = (slot + 1) & mask)
        {
            var key = keys[slot];
            if (key is null)
            {
                var id = table.IdOf(term, out var text);
                keys[slot] = text;
                ids[slot] = id;
                if (++count * 2 > keys.Length)
                {
                    Grow();
                }

                return id;
            }

            if (term.SequenceEqual(key))
            {
                return ids[slot];
            }
        }
    }

    /// <summary>Terms are short, and the table only needs an even spread; the high bits are folded into the slot's.</summary>
    private static uint Hash(ReadOnlySpan<char> term)
    {
        var hash = Build.Incremental.StableHash.Fnv1a(term);
        return hash ^ (hash >> 15);
    }

    private void Grow()
    {
        var (oldKeys, oldIds) = (keys, ids);
        keys = new string?[oldKeys.Length * 2];
        ids = new int[oldKeys.Length * 2];
        var mask = keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] is { } key)
            {
                var slot = (int)Hash(key) & mask;
                while (keys[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                keys[slot] = key;
                ids[slot] = oldIds[i];
            }
        }
    }
}
