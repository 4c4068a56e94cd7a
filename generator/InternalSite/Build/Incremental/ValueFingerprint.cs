using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using InternalSite.Model;
using InternalSite.Templating;

namespace InternalSite.Build.Incremental;

/// <summary>
/// A stable text fingerprint of a value a template read. Pages inside the value count by their route only: what a
/// template then reads of such a page is recorded as its own dependency. Other model objects (contact, guide
/// sections, terms, config) are walked member by member, since templates reach them only through a recorded read.
/// </summary>
internal static class ValueFingerprint
{
    private const int MaxDepth = 12;

    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return StableHash.Of(text.ToString());
    }

    public static string PageKey(Page page) => "page:" + page.Route;

    private static void Append(StringBuilder text, object? value, int depth, HashSet<object> visiting)
    {
        switch (value)
        {
            case null:
                text.Append('∅');
                return;
            case string s:
                text.Append('"').Append(s.Length).Append(':').Append(s);
                return;
            case HtmlString html:
                text.Append("html").Append(html.Value.Length).Append(':').Append(html.Value);
                return;
            case Page page:
                text.Append('{').Append(PageKey(page)).Append('}');
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

        if (depth >= MaxDepth || !visiting.Add(value))
        {
            // Too deep or a cycle: fall back to something that changes whenever the object does, never to "same".
            text.Append("#").Append(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value));
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

            var type = value.GetType();
            text.Append(type.Name).Append('(');
            foreach (var property in ReadableProperties(type))
            {
                text.Append(property.Name).Append('=');
                Append(text, property.GetValue(value), depth + 1, visiting);
                text.Append(';');
            }

            text.Append(')');
        }
        finally
        {
            visiting.Remove(value);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static PropertyInfo[] ReadableProperties(Type type) => Properties.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray());
}
