using InternalSite.Content;
using InternalSite.Diagnostics;
using NodaTime;

namespace InternalSite.Config;

/// <summary>Reads and validates <c>site.config.yml</c>: unknown keys, a missing base URL or an unknown time zone are errors at their line.</summary>
public static class SiteConfigLoader
{
    private static readonly string[] KnownKeys =
    [
        "title", "description", "baseUrl", "timezone", "language", "theme", "output", "organization", "nav",
        "newsletter", "feeds", "editUrl",
    ];

    public static SiteConfig? Load(SourceFile? file, DiagnosticBag diagnostics)
    {
        const string path = SiteSource.ConfigFileName;
        if (file is null)
        {
            diagnostics.Error(SourceLocation.StartOf(path), DiagnosticCodes.ConfigMissing,
                "the site has no site.config.yml (expected a file with at least 'title' and 'baseUrl'; 'internalsite init DIR' writes one)");
            return null;
        }

        var text = SourceText.Decode(file, diagnostics);
        if (text is null)
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var yaml = FrontMatter.YamlDocument(path, text, lineOffset: 0, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        var title = yaml.String("title", required: true, "the portal's name, e.g. title: Internal Tools");
        var baseUrl = ReadBaseUrl(yaml);
        var zone = ReadZone(yaml, "timezone") ?? DateTimeZone.Utc;
        var config = new SiteConfig
        {
            Title = title ?? "Site",
            BaseUrl = baseUrl ?? SiteConfig.Fallback.BaseUrl,
            Description = yaml.String("description") ?? string.Empty,
            TimeZone = zone,
            Language = yaml.String("language") ?? "en",
            Theme = ReadFolderName(yaml, "theme") ?? "default",
            Output = yaml.String("output") ?? "_site",
            Organization = yaml.String("organization") ?? string.Empty,
            Nav = ReadNav(yaml),
            Newsletter = ReadNewsletter(yaml),
            FeedItems = ReadFeedItems(yaml),
            EditUrl = yaml.String("editUrl"),
        };

        foreach (var (key, at) in yaml.UnreadKeys())
        {
            diagnostics.Error(at, DiagnosticCodes.ConfigUnknownKey, UnknownKeyMessage(key, KnownKeys));
        }

        return diagnostics.ErrorCount > errorsBefore ? null : config;
    }

    public static string UnknownKeyMessage(string key, IEnumerable<string> known)
    {
        var suggestion = Spelling.Closest(key, known);
        return suggestion is null
            ? $"unknown key '{key}' (expected one of: {string.Join(", ", known)})"
            : $"unknown key '{key}' (did you mean '{suggestion}'?)";
    }

    public static DateTimeZone? ReadZone(YamlMap yaml, string key)
    {
        var id = yaml.String(key);
        if (id is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        if (zone is null)
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf(key), DiagnosticCodes.InvalidValue,
                $"unknown time zone '{id}' (expected an IANA time zone such as Europe/London or America/New_York)");
        }

        return zone;
    }

    private static Uri? ReadBaseUrl(YamlMap yaml)
    {
        var text = yaml.String("baseUrl", required: true, "the portal's absolute URL, e.g. baseUrl: https://portal.example.internal/tools/");
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf("baseUrl"), DiagnosticCodes.ConfigInvalidValue,
                $"'baseUrl' is not an absolute URL: '{text}' (expected e.g. https://portal.example.internal/tools/)");
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string? ReadFolderName(YamlMap yaml, string key)
    {
        var name = yaml.String(key);
        if (name is not null && (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.StartsWith('.')))
        {
            yaml.Diagnostics.Error(yaml.ValueLocationOf(key), DiagnosticCodes.ConfigInvalidValue,
                $"'{key}' is not a folder name: '{name}' (expected the name of a folder under themes/)");
            return null;
        }

        return name;
    }

    private static IReadOnlyList<NavLink> ReadNav(YamlMap yaml)
    {
        if (!yaml.Has("nav"))
        {
            return SiteConfig.DefaultNav;
        }

        var links = new List<NavLink>();
        foreach (var item in yaml.MapList("nav", "a list of {title, url}"))
        {
            var title = item.String("title", required: true);
            var url = item.String("url", required: true);
            RejectUnknown(item, ["title", "url"]);
            if (title is not null && url is not null)
            {
                links.Add(new NavLink(title, url));
            }
        }

        return links;
    }

    private static NewsletterSettings? ReadNewsletter(YamlMap yaml)
    {
        var map = yaml.Map("newsletter");
        if (map is null)
        {
            return null;
        }

        var settings = new NewsletterSettings(map.String("from"), map.String("replyTo"), map.String("listUnsubscribe"));
        RejectUnknown(map, ["from", "replyTo", "listUnsubscribe"]);
        return settings;
    }

    private static int ReadFeedItems(YamlMap yaml)
    {
        var map = yaml.Map("feeds");
        if (map is null)
        {
            return 50;
        }

        var items = map.Int("items");
        RejectUnknown(map, ["items"]);
        if (items is <= 0)
        {
            yaml.Diagnostics.Error(map.ValueLocationOf("items"), DiagnosticCodes.ConfigInvalidValue,
                $"'feeds.items' must be at least 1, not {items} (expected a whole number such as 50)");
            return 50;
        }

        return items ?? 50;
    }

    private static void RejectUnknown(YamlMap map, string[] known)
    {
        foreach (var (key, at) in map.UnreadKeys())
        {
            map.Diagnostics.Error(at, DiagnosticCodes.ConfigUnknownKey, UnknownKeyMessage(key, known));
        }
    }
}
