using System.Text;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace InternalSite.Outputs.Email;

/// <summary>
/// Writes the cascade of the email stylesheet into each element's style attribute: for every element, the matching
/// declarations ordered by importance, specificity and source order, as a browser would apply them. A style the
/// template wrote on the element itself comes last, so it wins, as it does in a browser.
/// </summary>
internal static class CssInliner
{
    private static readonly ThreadLocal<CssParser> DeclarationParser = new(() => new CssParser(new CssParserOptions
    {
        IsIncludingUnknownDeclarations = true,
    }));

    public static void Inline(IDocument document, EmailStylesheet sheet)
    {
        if (sheet.Rules.Count == 0)
        {
            return;
        }

        var body = document.Body;
        var elements = body is null ? [] : new[] { body }.Concat(body.QuerySelectorAll("*"));
        foreach (var element in elements)
        {
            var matches = sheet.Rules.Where(r => r.Selector.Match(element, null)).ToList();
            if (matches.Count == 0)
            {
                continue;
            }

            // Most elements match one of a few rule sets (every paragraph of the body alike): serialize each set once.
            var key = string.Join(',', matches.Select(m => m.Order));
            var computed = sheet.SerializedStyles.GetOrAdd(key, _ => Serialize(Cascade(matches)));
            var own = element.GetAttribute("style")?.Trim().TrimEnd(';');
            var style = string.IsNullOrEmpty(own) ? computed : computed.Length == 0 ? own : computed + "; " + own;
            if (style.Length > 0)
            {
                element.SetAttribute("style", style);
            }
        }
    }

    /// <summary>Longhand name → value, the winner of each property, in the order properties first appeared.</summary>
    private static Dictionary<string, string> Cascade(List<EmailStylesheet.InlineRule> matches)
    {
        var applied = new Dictionary<string, (string Value, bool Important)>(StringComparer.Ordinal);
        var ordered = matches.OrderBy(r => r.Selector.Specificity).ThenBy(r => r.Order);
        foreach (var rule in ordered)
        {
            foreach (var declaration in rule.Declarations)
            {
                if (applied.TryGetValue(declaration.Name, out var current) && current.Important && !declaration.Important)
                {
                    continue;
                }

                applied[declaration.Name] = (declaration.Value, declaration.Important);
            }
        }

        return applied.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal);
    }

    /// <summary>Lets AngleSharp fold longhands back into shorthands (margin: 0 0 16px), which keeps the HTML small.</summary>
    private static string Serialize(Dictionary<string, string> declarations)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in declarations)
        {
            text.Append(name).Append(": ").Append(value).Append("; ");
        }

        // Parsed with unknown declarations kept, so Outlook's mso-* properties survive the round trip.
        return CssValues.ForEmail(DeclarationParser.Value!.ParseDeclaration(text.ToString())?.CssText ?? string.Empty);
    }
}
