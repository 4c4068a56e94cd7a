using System.Globalization;
using InternalSite.Diagnostics;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace InternalSite.Content;

/// <summary>
/// Typed, located reads of one YAML mapping. Every read that finds the wrong shape reports a diagnostic at the value's
/// own line and column, saying what was expected, and returns null so the caller carries on.
/// </summary>
public sealed class YamlMap
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern[] LocalDateTimes =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm"),
    ];

    private readonly YamlMappingNode node;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        this.node = node;
        File = file;
        LineOffset = lineOffset;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public int LineOffset { get; }

    public DiagnosticBag Diagnostics { get; }

    public SourceLocation Start => At(node);

    public IEnumerable<string> Keys =>
        node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    public SourceLocation At(YamlNode n) => new(File, (int)n.Start.Line + LineOffset, (int)n.Start.Column);

    public bool Has(string key) => Find(key) is not null;

    public SourceLocation LocationOf(string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } k ? At(k) : Start;

    public SourceLocation ValueLocationOf(string key) => Find(key) is { } v ? At(v) : Start;

    public YamlNode? Find(string key)
    {
        read.Add(key);
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Keys present that no reader asked for: the caller decides whether that is an error or a warning.</summary>
    public IEnumerable<(string Key, SourceLocation At)> UnreadKeys() =>
        node.Children.Keys.OfType<YamlScalarNode>()
            .Where(k => !read.Contains(k.Value ?? string.Empty))
            .Select(k => (k.Value ?? string.Empty, At(k)));

    public void RequireMissing(string key, string expected) =>
        Diagnostics.Error(Start, DiagnosticCodes.MissingKey, $"missing required key '{key}' (expected {expected})");

    public string? String(string key, bool required = false, string expected = "a text value")
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            if (required)
            {
                RequireMissing(key, expected);
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Invalid(value, key, "a text value", Describe(value));
        return null;
    }

    public bool? Bool(string key)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return null;
        }

        var text = Scalar(value, key, "true or false");
        return text switch
        {
            null => null,
            "true" or "True" or "TRUE" or "yes" => true,
            "false" or "False" or "FALSE" or "no" => false,
            _ => Invalid<bool?>(value, key, "true or false", text),
        };
    }

    public int? Int(string key)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return null;
        }

        var text = Scalar(value, key, "a whole number");
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : Invalid<int?>(value, key, "a whole number", text);
    }

    /// <summary>A list of text values; a single scalar is taken as a list of one, as writers often forget the brackets.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is YamlScalarNode single)
        {
            return string.IsNullOrWhiteSpace(single.Value) ? [] : [single.Value];
        }

        if (value is YamlSequenceNode seq)
        {
            var list = new List<string>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode s && s.Value is { } text)
                {
                    list.Add(text);
                }
                else
                {
                    Invalid(item, key, "a list of text values", Describe(item));
                }
            }

            return list;
        }

        Invalid(value, key, "a list of text values", Describe(value));
        return [];
    }

    public IReadOnlyList<(YamlScalarNode Node, string Value)> ScalarList(string key, string expected)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is YamlScalarNode single)
        {
            return [(single, single.Value ?? string.Empty)];
        }

        if (value is YamlSequenceNode seq)
        {
            var list = new List<(YamlScalarNode, string)>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode s)
                {
                    list.Add((s, s.Value ?? string.Empty));
                }
                else
                {
                    Invalid(item, key, expected, Describe(item));
                }
            }

            return list;
        }

        Invalid(value, key, expected, Describe(value));
        return [];
    }

    public YamlMap? Map(string key)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return null;
        }

        if (value is YamlMappingNode map)
        {
            return new YamlMap(map, File, LineOffset, Diagnostics);
        }

        Invalid(value, key, "a set of 'key: value' lines", Describe(value));
        return null;
    }

    public IReadOnlyList<YamlMap> MapList(string key, string expected)
    {
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is not YamlSequenceNode seq)
        {
            Invalid(value, key, expected, Describe(value));
            return [];
        }

        var list = new List<YamlMap>();
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode map)
            {
                list.Add(new YamlMap(map, File, LineOffset, Diagnostics));
            }
            else
            {
                Invalid(item, key, expected, Describe(item));
            }
        }

        return list;
    }

    /// <summary>A calendar date, or a date with a time (local, or with an offset).</summary>
    public LocalDateTime? DateTime(string key, bool required = false) => ParseDateTime(key, required, out _);

    public LocalDateTime? ParseDateTime(string key, bool required, out Offset? offset, string? expected = null)
    {
        offset = null;
        var value = Find(key);
        if (value is null || IsNull(value))
        {
            if (required)
            {
                RequireMissing(key, expected ?? "a date, YYYY-MM-DD");
            }

            return null;
        }

        var text = Scalar(value, key, expected ?? "a date, YYYY-MM-DD");
        if (text is null)
        {
            return null;
        }

        var parsed = ParseDateText(text.Trim(), out offset);
        if (parsed is null)
        {
            Diagnostics.Error(At(value), DiagnosticCodes.InvalidValue,
                $"'{key}' is not a date: '{text}' (expected {expected ?? "YYYY-MM-DD"})");
        }

        return parsed;
    }

    public static LocalDateTime? ParseDateText(string text, out Offset? offset)
    {
        offset = null;
        var date = IsoDate.Parse(text);
        if (date.Success)
        {
            return date.Value.AtMidnight();
        }

        foreach (var pattern in LocalDateTimes)
        {
            var r = pattern.Parse(text);
            if (r.Success)
            {
                return r.Value;
            }
        }

        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            offset = withOffset.Value.Offset;
            return withOffset.Value.LocalDateTime;
        }

        return null;
    }

    public void Invalid(YamlNode at, string key, string expected, string found) =>
        Diagnostics.Error(At(at), DiagnosticCodes.InvalidValue, $"'{key}' is not valid: {found} (expected {expected})");

    private T? Invalid<T>(YamlNode at, string key, string expected, string found)
    {
        Invalid(at, key, expected, $"'{found}'");
        return default;
    }

    private string? Scalar(YamlNode value, string key, string expected)
    {
        if (value is YamlScalarNode s)
        {
            return s.Value;
        }

        Invalid(value, key, expected, Describe(value));
        return null;
    }

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static string Describe(YamlNode n) => n switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a set of 'key: value' lines",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unexpected value",
    };
}
