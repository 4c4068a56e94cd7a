using InternalSite.Content;
using InternalSite.Diagnostics;

namespace InternalSite.Templating;

/// <summary>
/// A theme and the chain it extends, ending in the built-in default. A file is looked up layer by layer, so a theme
/// holds only the files it changes.
/// </summary>
public sealed class Theme
{
    private Theme(IReadOnlyList<ThemeLayer> layers) => Layers = layers;

    /// <summary>Most specific first; the built-in default theme last.</summary>
    public IReadOnlyList<ThemeLayer> Layers { get; }

    public (ThemeLayer Layer, byte[] Bytes)? Find(string path)
    {
        foreach (var layer in Layers)
        {
            if (layer.Read(path) is { } bytes)
            {
                return (layer, bytes);
            }
        }

        return null;
    }

    /// <summary>Every file under <paramref name="prefix"/> across the chain, the most specific version of each.</summary>
    public IEnumerable<(string Path, ThemeLayer Layer, byte[] Bytes)> FilesUnder(string prefix) =>
        Layers.SelectMany(l => l.Files).Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(f => (f, Find(f)!.Value.Layer, Find(f)!.Value.Bytes));

    public static Theme Load(SiteSource source, string name, DiagnosticBag diagnostics)
    {
        var layers = new List<ThemeLayer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = name;
        SourceLocation? requestedAt = null;
        while (current is not null)
        {
            if (!seen.Add(current))
            {
                diagnostics.Error(requestedAt ?? ConfigThemeLocation(source), DiagnosticCodes.Theme,
                    $"the theme '{current}' extends itself through {string.Join(" → ", seen)} (expected a chain that ends)");
                break;
            }

            var layer = ThemeLayer.FromSite(source, current);
            if (!layer.Files.Any())
            {
                if (current != "default")
                {
                    diagnostics.Error(requestedAt ?? ConfigThemeLocation(source), DiagnosticCodes.Theme,
                        $"the theme '{current}' does not exist (expected a folder themes/{current}/ in the site)");
                }

                break;
            }

            layers.Add(layer);
            var manifestPath = $"{SiteSource.ThemesFolder}{current}/theme.yml";
            var next = ReadExtends(source.Get(manifestPath), diagnostics, out requestedAt);
            current = next ?? (current == "default" ? null : "default");
        }

        layers.Add(ThemeLayer.BuiltInDefault);
        return new Theme(layers);
    }

    /// <summary>Where the config names the theme, so a missing theme is reported at its 'theme:' value.</summary>
    private static SourceLocation ConfigThemeLocation(SiteSource source)
    {
        var quiet = new DiagnosticBag();
        if (source.Config is { } file && SourceText.Decode(file, quiet) is { } text
            && FrontMatter.YamlDocument(file.Path, text, lineOffset: 0, quiet) is { } yaml && yaml.Has("theme"))
        {
            return yaml.ValueLocationOf("theme");
        }

        return SourceLocation.StartOf(SiteSource.ConfigFileName);
    }

    private static string? ReadExtends(SourceFile? manifest, DiagnosticBag diagnostics, out SourceLocation? at)
    {
        at = null;
        if (manifest is null || SourceText.Decode(manifest, diagnostics) is not { } text)
        {
            return null;
        }

        var yaml = FrontMatter.YamlDocument(manifest.Path, text, lineOffset: 0, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        at = yaml.ValueLocationOf("extends");
        var extends = yaml.String("extends");
        foreach (var (key, keyAt) in yaml.UnreadKeys().Where(k => k.Key is not ("name" or "description" or "author")))
        {
            diagnostics.Error(keyAt, DiagnosticCodes.Theme, $"unknown key '{key}' in theme.yml (expected extends, name, description or author)");
        }

        return extends;
    }
}
