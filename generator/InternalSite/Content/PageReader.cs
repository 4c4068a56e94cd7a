using InternalSite.Config;
using InternalSite.Diagnostics;
using InternalSite.Model;
using YamlDotNet.RepresentationModel;

namespace InternalSite.Content;

/// <summary>Reads one markdown file's front matter into a typed page. Never throws on content; reports and returns null.</summary>
public static class PageReader
{
    /// <summary>Larger pages are refused: nobody reads them, and they are almost always a pasted export by mistake.</summary>
    public const int MaxPageBytes = 4 * 1024 * 1024;

    public static ParsedPage? Read(SourceFile file, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (file.Length > MaxPageBytes)
        {
            diagnostics.Error(SourceLocation.StartOf(file.Path), DiagnosticCodes.TooLarge,
                $"the page is {file.Length / (1024.0 * 1024.0):0.0} MB (expected at most {MaxPageBytes / (1024 * 1024)} MB; split it into several pages)");
            return null;
        }

        var text = SourceText.Decode(file, diagnostics);
        if (text is null)
        {
            return null;
        }

        var frontMatter = FrontMatter.Read(file.Path, text, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var yaml = frontMatter.Fields;
        var location = ContentLocation.Of(file.Path);
        var kind = ReadKind(yaml) ?? location.Kind;
        var dateRequired = kind is PageKind.Release or PageKind.Newsletter;
        var basics = CommonFields.Read(yaml, file.Path, kind, config, dateRequired);
        var slug = basics.Slug.Length > 0 ? basics.Slug : location.FileSlug;
        basics = basics with { Slug = slug, Route = location.RouteFor(kind, slug), Params = ReadExtraKeys(yaml, kind) };

        Page page = kind switch
        {
            PageKind.Product => KindFields.Product(yaml, basics, location),
            PageKind.Release => KindFields.Release(yaml, basics, location),
            PageKind.Guide => KindFields.Guide(yaml, basics, location),
            PageKind.Newsletter => KindFields.Newsletter(yaml, basics),
            PageKind.Event => KindFields.Event(yaml, basics, config),
            _ => new Page(basics),
        };

        return new ParsedPage(page, frontMatter.Body, frontMatter.BodyStartLine);
    }

    private static PageKind? ReadKind(YamlMap yaml)
    {
        var name = yaml.String("kind");
        if (name is null)
        {
            return null;
        }

        if (PageKinds.ByName.TryGetValue(name.Trim().ToLowerInvariant(), out var kind))
        {
            return kind;
        }

        yaml.Diagnostics.Error(yaml.ValueLocationOf("kind"), DiagnosticCodes.InvalidValue,
            $"unknown kind '{name}' (expected one of: {string.Join(", ", PageKinds.ByName.Keys)})");
        return null;
    }

    /// <summary>
    /// Keys no kind defines are kept for themes, except ones that look like a misspelling of a real key, which are
    /// reported (a typo in 'draft' must not publish a page by accident).
    /// </summary>
    private static Dictionary<string, object?> ReadExtraKeys(YamlMap yaml, PageKind kind)
    {
        var known = CommonFields.Keys.Concat(KindFields.Keys[kind]).ToArray();
        var allKnown = CommonFields.Keys.Concat(KindFields.Keys.Values.SelectMany(k => k)).Distinct().ToArray();
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in yaml.Keys.Where(k => !known.Contains(k)).ToList())
        {
            var at = yaml.LocationOf(key);
            if (allKnown.Contains(key))
            {
                yaml.Diagnostics.Error(at, DiagnosticCodes.UnknownKey,
                    $"'{key}' does not apply to a {kind.Name()} page (expected one of: {string.Join(", ", known)})");
            }
            else if (Spelling.Closest(key, known) is { } suggestion)
            {
                yaml.Diagnostics.Error(at, DiagnosticCodes.UnknownKey, $"unknown key '{key}' (did you mean '{suggestion}'?)");
            }
            else
            {
                extra[key] = ToPlain(yaml.Find(key));
            }
        }

        return extra;
    }

    private static object? ToPlain(YamlNode? node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(ToPlain).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(
            kv => (kv.Key as YamlScalarNode)?.Value ?? string.Empty, kv => ToPlain(kv.Value), StringComparer.Ordinal),
        _ => null,
    };
}
