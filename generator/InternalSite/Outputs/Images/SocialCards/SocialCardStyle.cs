using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using InternalSite.Templating;
using SkiaSharp;

namespace InternalSite.Outputs.Images.SocialCards;

/// <summary>
/// The theme's look for cards: colours from custom properties in the theme's <c>assets/css/site.css</c> and the fonts
/// shipped in its <c>fonts/</c> folder. Reading both from the theme (never from the machine) is what makes a card the
/// same on every machine. <see cref="Fingerprint"/> covers all of it and is part of every card's cache key.
/// </summary>
public sealed partial class SocialCardStyle : IDisposable
{
    public const string BoldFont = "fonts/card-bold.ttf";
    public const string RegularFont = "fonts/card-regular.ttf";
    public const string DefaultBoldFont = "fonts/Lato-Bold.ttf";
    public const string DefaultRegularFont = "fonts/Lato-Regular.ttf";
    public const string StyleSheet = "assets/css/site.css";

    /// <summary>Custom properties looked for, most specific first; the card-only ones let a theme set cards apart.</summary>
    private static readonly string[] BackgroundNames = ["--card-background", "--color-background", "--background", "--bg"];
    private static readonly string[] ForegroundNames = ["--card-foreground", "--color-text", "--color-foreground", "--foreground", "--text", "--fg"];
    private static readonly string[] AccentNames = ["--card-accent", "--color-accent", "--accent", "--color-primary", "--primary", "--brand"];
    private static readonly string[] MutedNames = ["--card-muted", "--color-muted", "--muted", "--text-muted"];

    private readonly Lazy<SKTypeface> bold;
    private readonly Lazy<SKTypeface> regular;

    private SocialCardStyle(SKColor background, SKColor foreground, SKColor accent, SKColor muted, byte[] boldBytes, byte[] regularBytes)
    {
        Background = background;
        Foreground = foreground;
        Accent = accent;
        Muted = muted;
        // Fonts are loaded (and Skia with them) only when a card is drawn: a build that keeps every card needs the
        // fingerprint alone.
        bold = new Lazy<SKTypeface>(() => SKTypeface.FromData(SKData.CreateCopy(boldBytes)) ?? throw new InvalidOperationException("the card's bold font is not a font"));
        regular = new Lazy<SKTypeface>(() => SKTypeface.FromData(SKData.CreateCopy(regularBytes)) ?? throw new InvalidOperationException("the card's regular font is not a font"));
        Fingerprint = ImageCache.Key("style", Background.ToString(), Foreground.ToString(), Accent.ToString(), Muted.ToString(), SHA256.HashData(boldBytes), SHA256.HashData(regularBytes));
    }

    public SKColor Background { get; }

    public SKColor Foreground { get; }

    public SKColor Accent { get; }

    public SKColor Muted { get; }

    public SKTypeface Bold => bold.Value;

    public SKTypeface Regular => regular.Value;

    public string Fingerprint { get; }

    public static SocialCardStyle FromTheme(Theme theme)
    {
        var css = theme.Find(StyleSheet) is { } sheet ? Encoding.UTF8.GetString(sheet.Bytes) : string.Empty;
        var properties = CustomProperties(css);
        var background = Pick(properties, BackgroundNames) ?? new SKColor(0x0B, 0x1F, 0x3A);
        var foreground = Pick(properties, ForegroundNames) ?? SKColors.White;
        var accent = Pick(properties, AccentNames) ?? new SKColor(0x4D, 0xA3, 0xFF);
        var muted = Pick(properties, MutedNames) ?? Blend(foreground, background, 0.7f);
        var bold = (theme.Find(BoldFont) ?? theme.Find(DefaultBoldFont))?.Bytes;
        var regular = (theme.Find(RegularFont) ?? theme.Find(DefaultRegularFont))?.Bytes;
        if (bold is null || regular is null)
        {
            throw new InvalidOperationException($"the theme has no card fonts ({DefaultBoldFont}, {DefaultRegularFont})");
        }

        return new SocialCardStyle(background, foreground, accent, muted, bold, regular);
    }

    public void Dispose()
    {
        if (bold.IsValueCreated)
        {
            bold.Value.Dispose();
        }

        if (regular.IsValueCreated)
        {
            regular.Value.Dispose();
        }
    }

    /// <summary>The first value of each custom property in the sheet (later ones are usually dark-mode overrides).</summary>
    private static Dictionary<string, string> CustomProperties(string css)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in CustomProperty().Matches(css))
        {
            found.TryAdd(match.Groups["name"].Value, match.Groups["value"].Value.Trim());
        }

        return found;
    }

    private static SKColor? Pick(Dictionary<string, string> properties, string[] names)
    {
        foreach (var name in names)
        {
            if (properties.TryGetValue(name, out var value) && ParseHex(value) is { } color)
            {
                return color;
            }
        }

        return null;
    }

    /// <summary>
    /// #rgb or #rrggbb, or <c>light-dark(#light, #dark)</c>, of which cards take the light colour (the page's default
    /// scheme). Other colour syntaxes are ignored, and the default is used.
    /// </summary>
    private static SKColor? ParseHex(string value)
    {
        if (value.StartsWith("light-dark(", StringComparison.OrdinalIgnoreCase))
        {
            value = value["light-dark(".Length..].Split(',')[0].Trim();
        }

        if (!value.StartsWith('#'))
        {
            return null;
        }

        var hex = value[1..];
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }

        return hex.Length == 6 && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb)
            : null;
    }

    private static SKColor Blend(SKColor a, SKColor b, float amountOfA) => new(
        (byte)Math.Round((a.Red * amountOfA) + (b.Red * (1 - amountOfA))),
        (byte)Math.Round((a.Green * amountOfA) + (b.Green * (1 - amountOfA))),
        (byte)Math.Round((a.Blue * amountOfA) + (b.Blue * (1 - amountOfA))));

    [GeneratedRegex(@"(?<name>--[A-Za-z0-9_-]+)\s*:\s*(?<value>[^;}]+)")]
    private static partial Regex CustomProperty();
}
