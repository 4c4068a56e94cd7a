using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using InternalSite.Model;
using InternalSite.Templating;

namespace InternalSite.Build.Incremental;

/// <summary>
/// A stable text fingerprint of a value a template read. Pages inside the value count by their route only: what a
/// template then reads of such a page is recorded as its own dependency. Other model objects (contact, guide
/// sections, terms, config) are walked member by member, since templates reach them only through a recorded read;
/// anything else (NodaTime values, time zones, URIs) counts by its invariant text. Fingerprints must be the same in
/// every process (they are saved in the on-disk cache), so nothing here may depend on object identity.
/// </summary>
internal static class ValueFingerprint
{
    private const int MaxDepth = 32;

    /// <summary>Longer strings (page bodies) enter the fingerprint as their own hash, so they are not copied around.</summary>
    private const int InlineLength = 256;

    private const int ShortFingerprint = 40;

    // Long strings (page bodies) are the same objects from build to build of one process while their page is
    // unchanged (the markdown cache hands them out), so their hash is remembered per object, not computed again.
    private static readonly ConditionalWeakTable<string, string> LongStringHashes = new();

    // Most values are described in a few dozen characters: one builder per thread saves allocating one per value.
    [ThreadStatic]
    private static StringBuilder? spare;

    public static string Of(object? value)
    {
        var text = spare ?? new StringBuilder();
        spare = null;
        try
        {
            Append(text, value, 0, null);

            // Most values a template reads (titles, dates, routes) are short: their text compares faster than it hashes.
            // '=' keeps such a fingerprint apart from a hash, which is hexadecimal. Either is made straight from the
            // builder: an incremental build checks about ten values per page, and a string of each text first would
            // double what that allocates (lists of pages describe themselves in kilobytes).
            return text.Length <= ShortFingerprint
                ? string.Create(text.Length + 1, text, static (fingerprint, described) =>
                {
                    fingerprint[0] = '=';
                    described.CopyTo(0, fingerprint[1..], described.Length);
                })
                : StableHash.Of(text);
        }
        finally
        {
            text.Clear();
            if (text.Capacity <= 4096)
            {
                spare = text;
            }
        }
    }

    public static string PageKey(Page page) => PageKeyPrefix + page.Route;

    public const string PageKeyPrefix = "page:";

    private static void Append(StringBuilder text, object? value, int depth, HashSet<object>? visiting)
    {
        switch (value)
        {
            case null:
                text.Append('∅');
                return;
            case string s:
                AppendString(text, '"', s);
                return;
            case HtmlString html:
                AppendString(text, 'h', html.Value);
                return;
            case Page page:
                text.Append('{').Append(PageKeyPrefix).Append(page.Route).Append('}');
                return;
            case SiteModel:
                text.Append("{site}");
                return;
            case Enum or bool or char:
                text.Append(value);
                return;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        var type = value.GetType();
        var walk = value is IEnumerable || type.Namespace?.StartsWith("InternalSite", StringComparison.Ordinal) == true
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));
        if (!walk)
        {
            text.Append(type.Name).Append(':').Append(value);
            return;
        }

        // Scalars above need no cycle check: the set of objects being walked is made only once there is one.
        visiting ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (!visiting.Add(value))
        {
            // A cycle back to an object being walked: its members are in the fingerprint already, from the first visit.
            text.Append("(cycle)");
            return;
        }

        if (depth >= MaxDepth)
        {
            // Deeper than any model nests; a fingerprint that cannot see everything must never match, so make it unique.
            text.Append(Guid.NewGuid().ToString("N"));
            visiting.Remove(value);
            return;
        }

        try
        {
            if (value is IEnumerable sequence)
            {
                text.Append('[');
                foreach (var item in sequence)
                {
                    Append(text, item, depth + 1, visiting);
                    text.Append(',');
                }

                text.Append(']');
                return;
            }

            text.Append(type.Name).Append('(');
            foreach (var (name, read) in ReadableProperties(type))
            {
                text.Append(name).Append('=');
                Append(text, read(value), depth + 1, visiting);
                text.Append(';');
            }

            text.Append(')');
        }
        finally
        {
            visiting.Remove(value);
        }
    }

    private static void AppendString(StringBuilder text, char kind, string s)
    {
        text.Append(kind).Append(s.Length).Append(':');
        if (s.Length <= InlineLength)
        {
            text.Append(s);
        }
        else
        {
            text.Append(LongStringHashes.GetValue(s, StableHash.Of));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, Func<object, object?> Read)[]> Properties = new();

    private static (string Name, Func<object, object?> Read)[] ReadableProperties(Type type) => Properties.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, Templating.BoundGetter.For(t, p)))
            .ToArray());

}
