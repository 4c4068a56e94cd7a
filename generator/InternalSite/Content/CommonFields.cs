using InternalSite.Config;
using InternalSite.Diagnostics;
using InternalSite.Model;
using NodaTime;

namespace InternalSite.Content;

/// <summary>The front matter keys every kind of page shares, read and checked once.</summary>
public static class CommonFields
{
    public static readonly string[] Keys =
        ["title", "summary", "date", "updated", "draft", "tags", "audience", "slug", "aliases", "order", "image", "layout", "kind"];

    /// <summary>Reads the shared keys; the route is filled in by the caller once the slug is known.</summary>
    public static PageBasics Read(YamlMap yaml, string sourcePath, PageKind kind, SiteConfig config, bool dateRequired)
    {
        var title = yaml.String("title", required: true, "the page's title, e.g. title: Getting started");
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("title"), DiagnosticCodes.InvalidValue, "'title' is empty (expected the page's title)");
        }

        var slug = yaml.String("slug");
        if (slug is not null && !Slugs.IsValid(slug))
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("slug"), DiagnosticCodes.InvalidValue,
                $"'slug' is not valid: '{slug}' (expected letters, digits, '-', '_' or '.', e.g. 'getting-started')");
            slug = null;
        }

        return new PageBasics
        {
            SourcePath = sourcePath,
            Kind = kind,
            Title = title?.Trim() ?? string.Empty,
            Route = string.Empty,
            Slug = slug ?? string.Empty,
            Summary = yaml.String("summary"),
            Date = ReadZoned(yaml, "date", config.TimeZone, dateRequired),
            Updated = ReadZoned(yaml, "updated", config.TimeZone, required: false),
            Draft = yaml.Bool("draft") ?? false,
            Tags = Distinct(yaml.StringList("tags")),
            Audience = Distinct(yaml.StringList("audience")),
            Aliases = ReadAliases(yaml),
            Order = yaml.Int("order"),
            Image = yaml.String("image"),
            ImageAt = yaml.Has("image") ? yaml.ValueLocationOf("image") : null,
            Layout = yaml.String("layout"),
        };
    }
    public static ZonedDateTime? ReadZoned(YamlMap yaml, string key, DateTimeZone zone, bool required)
    {
        var local = yaml.ParseDateTime(key, required, out var offset);
        if (local is null)
        {
            return null;
        }

        return offset is { } o
            ? new OffsetDateTime(local.Value, o).InZone(zone)
            : local.Value.InZoneLeniently(zone);
    }

    private static IReadOnlyList<string> Distinct(IReadOnlyList<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> ReadAliases(YamlMap yaml)
    {
        var result = new List<string>();
        foreach (var (node, value) in yaml.ScalarList("aliases", "a list of old URLs such as /old/path/"))
        {
            var route = value.Trim().Trim('/');
            if (route.Length == 0 || route.Contains("..", StringComparison.Ordinal) || route.Contains("://", StringComparison.Ordinal)
                || route.Any(c => c is '?' or '#' or '\\' || char.IsWhiteSpace(c)))
            {
                yaml.Diagnostics.Error(yaml.At(node), DiagnosticCodes.InvalidValue,
                    $"'aliases' entry is not a site path: '{value}' (expected an old URL of this site such as /old/path/)");
                continue;
            }

            result.Add(route.EndsWith(".html", StringComparison.Ordinal) ? route : route + "/");
        }

        return result;
    }
}
