using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace InternalSite.Build.Incremental;

/// <summary>
/// What one process keeps between its builds (<c>serve</c>); only the parsed pages are also saved (by <c>build</c>,
/// see <see cref="CacheFile"/>). Parsed pages are keyed by file; the other
/// tables are keyed by an object a build reuses unchanged from the last one (a page's rendered HTML or text sections,
/// shared through the markdown cache), so they need no hashing, and they forget an entry once nothing holds its key.
/// </summary>
internal sealed class MemoryCaches
{
    private const int MaxDerivedPerSource = 16;

    public ConcurrentDictionary<string, ParsedPageEntry> ParsedPages { get; } = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of each dependency's value as the last build read it, by the value's identity.</summary>
    public ConcurrentDictionary<DependencyKey, KnownFingerprint> LastFingerprints { get; } = new();

    /// <summary>Derived values of one object, for the outputs that derive them (e.g. a feed item's absolute HTML).</summary>
    public ConditionalWeakTable<object, ConcurrentDictionary<string, object>> Derived { get; } = new();

    /// <summary>
    /// What an output kept of its last build for the next one in this process, by the output's name (e.g. each social
    /// card's key by route): the output checks that an entry still applies before using it, and replaces the whole.
    /// </summary>
    public ConcurrentDictionary<string, object> OutputMemos { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The value <paramref name="derive"/> gives for <paramref name="source"/> under <paramref name="key"/> (which must
    /// name everything besides <paramref name="source"/> that the value depends on), computed once per source object.
    /// </summary>
    public T DerivedFrom<T>(object source, string key, Func<T> derive)
        where T : class
    {
        var table = Derived.GetValue(source, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
        if (table.Count > MaxDerivedPerSource && !table.ContainsKey(key))
        {
            // Keys that stopped being asked for (a URL or the set of pages changed): start over rather than grow.
            table.Clear();
        }

        return (T)table.GetOrAdd(key, _ => derive());
    }
}

/// <summary>A value (an immutable object, compared by identity) and its fingerprint.</summary>
internal sealed record KnownFingerprint(object Value, string Fingerprint);
