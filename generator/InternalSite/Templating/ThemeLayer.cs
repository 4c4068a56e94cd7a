using System.Reflection;
using InternalSite.Content;

namespace InternalSite.Templating;

/// <summary>One theme folder: the site's own, a theme it extends, or the default theme built into the tool.</summary>
public sealed class ThemeLayer
{
    private readonly IReadOnlyDictionary<string, byte[]> files;

    private ThemeLayer(string name, string displayRoot, IReadOnlyDictionary<string, byte[]> files)
    {
        Name = name;
        DisplayRoot = displayRoot;
        this.files = files;
    }

    public string Name { get; }

    /// <summary>How diagnostics name the layer's files, e.g. "themes/corporate/".</summary>
    public string DisplayRoot { get; }

    public IEnumerable<string> Files => files.Keys;

    public byte[]? Read(string path) => files.GetValueOrDefault(path);

    public static ThemeLayer FromSite(SiteSource source, string name)
    {
        var prefix = $"{SiteSource.ThemesFolder}{name}/";
        var files = source.Under(prefix).ToDictionary(f => f.Path[prefix.Length..], f => f.Bytes, StringComparer.Ordinal);
        return new ThemeLayer(name, prefix, files);
    }

    /// <summary>The default theme, read from the library's embedded resources so it is there wherever the tool runs.</summary>
    public static ThemeLayer BuiltInDefault => BuiltIn.Value;

    private static readonly Lazy<ThemeLayer> BuiltIn = new(() =>
    {
        const string prefix = "theme/default/";
        var assembly = typeof(ThemeLayer).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[resource[prefix.Length..]] = memory.ToArray();
        }

        return new ThemeLayer("default", "themes/default/", files);
    });
}
