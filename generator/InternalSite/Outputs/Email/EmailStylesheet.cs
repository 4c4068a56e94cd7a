using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using InternalSite.Diagnostics;

namespace InternalSite.Outputs.Email;

/// <summary>
/// The email CSS, parsed by AngleSharp.Css and split in two: plain style rules, which are inlined into the style
/// attribute of every element they match (Gmail and Outlook drop or ignore much of a &lt;style&gt; block), and what
/// cannot be inlined (media queries, dark mode, pseudo-classes), which stays in one &lt;style&gt; block.
/// </summary>
internal sealed partial class EmailStylesheet
{
    private static readonly CssParserOptions ParserOptions = new()
    {
        // Outlook's own properties (mso-line-height-rule, mso-table-lspace…) are unknown to a browser's CSS
        // engine but are the point of an email stylesheet: keep them.
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    };

    private EmailStylesheet(IReadOnlyList<InlineRule> rules, string keptCss)
    {
        Rules = rules;
        KeptCss = keptCss;
    }

    /// <summary>Rules to inline, in source order.</summary>
    public IReadOnlyList<InlineRule> Rules { get; }

    /// <summary>The inline style of each combination of matching rules (by their orders), once computed.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, string> SerializedStyles { get; } = new(StringComparer.Ordinal);

    /// <summary>Media queries and other rules that only work from a &lt;style&gt; block.</summary>
    public string KeptCss { get; }

    public static EmailStylesheet Empty { get; } = new([], string.Empty);

    public static EmailStylesheet Parse(string css, string displayPath, DiagnosticBag diagnostics)
    {
        var sheet = new CssParser(ParserOptions).ParseStyleSheet(css);
        var selectors = new AngleSharp.Css.Parser.CssSelectorParser();
        var rules = new List<InlineRule>();
        var kept = new StringBuilder();
        foreach (var rule in sheet.Rules)
        {
            if (rule is ICssStyleRule style && !StaysInStyleBlock(style.SelectorText))
            {
                var declarations = Declarations(style, displayPath, diagnostics);
                foreach (var part in SplitSelectorList(style.SelectorText))
                {
                    if (selectors.ParseSelector(part) is { } selector)
                    {
                        rules.Add(new InlineRule(selector, declarations, rules.Count));
                    }
                }
            }
            else if (rule.Type is CssRuleType.Media or CssRuleType.Style)
            {
                kept.Append(CssValues.ForEmail(rule.CssText)).Append('\n');
            }
        }

        return new EmailStylesheet(rules, kept.ToString());
    }

    /// <summary>Joins the declarations of several sheets (a template may link more than one), keeping source order.</summary>
    public static EmailStylesheet Combine(IReadOnlyList<EmailStylesheet> sheets)
    {
        if (sheets.Count == 1)
        {
            return sheets[0];
        }

        var rules = new List<InlineRule>();
        foreach (var rule in sheets.SelectMany(s => s.Rules))
        {
            rules.Add(rule with { Order = rules.Count });
        }

        return new EmailStylesheet(rules, string.Concat(sheets.Select(s => s.KeptCss)));
    }

    /// <summary>Pseudo-classes (:hover) and Outlook.com's dark-mode markers ([data-ogsc]) match nothing we can inline.</summary>
    private static bool StaysInStyleBlock(string selector) =>
        selector.Contains(':', StringComparison.Ordinal) || selector.Contains("[data-og", StringComparison.Ordinal);

    private static List<Declaration> Declarations(ICssStyleRule rule, string displayPath, DiagnosticBag diagnostics)
    {
        var list = new List<Declaration>();
        foreach (var property in rule.Style)
        {
            if (IsFlexOrGrid(property.Name, property.Value))
            {
                diagnostics.Warning(SourceLocation.StartOf(displayPath), DiagnosticCodes.Output,
                    $"'{rule.SelectorText} {{ {property.Name}: {property.Value} }}' was left out: flex and grid layouts break in Outlook and Gmail (expected tables)");
                continue;
            }

            list.Add(new Declaration(property.Name, property.Value, property.IsImportant));
        }

        return list;
    }

    internal static bool IsFlexOrGrid(string name, string value) =>
        name.StartsWith("flex", StringComparison.Ordinal) || name.StartsWith("grid", StringComparison.Ordinal)
        || (name == "display" && (value.Contains("flex", StringComparison.Ordinal) || value.Contains("grid", StringComparison.Ordinal)));

    /// <summary>"p, td" → "p", "td": each part of a selector list has its own specificity.</summary>
    private static IEnumerable<string> SplitSelectorList(string selectorList)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selectorList.Length; i++)
        {
            switch (selectorList[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return selectorList[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return selectorList[start..].Trim();
    }

    internal sealed record Declaration(string Name, string Value, bool Important);

    internal sealed record InlineRule(ISelector Selector, IReadOnlyList<Declaration> Declarations, int Order);
}

/// <summary>Writes CSS values the way every mail client reads them.</summary>
internal static partial class CssValues
{
    /// <summary>
    /// AngleSharp writes colours as rgba(…), which Outlook for Windows does not understand: opaque ones become #rrggbb.
    /// Font names lose their double quotes, which would need escaping inside a style attribute.
    /// </summary>
    public static string ForEmail(string css) =>
        OpaqueRgba().Replace(css, m => "#" + string.Concat(new[] { 1, 2, 3 }.Select(g => byte.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture).ToString("x2", System.Globalization.CultureInfo.InvariantCulture))))
            .Replace('"', '\'');

    [GeneratedRegex(@"rgba?\((\d{1,3}), (\d{1,3}), (\d{1,3})(?:, 1)?\)")]
    private static partial Regex OpaqueRgba();
}
