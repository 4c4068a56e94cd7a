using AngleSharp.Html.Parser;
using InternalSite.Diagnostics;
using InternalSite.Outputs.Email;

namespace InternalSite.Tests.Email;

/// <summary>The cascade written into style attributes follows the browser's rules.</summary>
public sealed class CssInlinerTests
{
    private static AngleSharp.Dom.IDocument Inline(string css, string body, DiagnosticBag? diagnostics = null)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body>{body}</body></html>");
        CssInliner.Inline(document, EmailStylesheet.Parse(css, "themes/test/email/email.css", diagnostics ?? new DiagnosticBag()));
        return document;
    }

    private static string Style(AngleSharp.Dom.IDocument document, string selector) =>
        document.QuerySelector(selector)!.GetAttribute("style") ?? string.Empty;

    [Fact]
    public void Specificity_then_source_order_decide_and_the_elements_own_style_comes_last()
    {
        var document = Inline(
            "#lead { color: #ff0000; } p.intro { color: #00ff00; } p { color: #0000ff; margin: 0 0 16px; } .intro { color: #000000; }",
            "<p id=\"lead\" class=\"intro\">a</p><p class=\"intro\">b</p><p>c</p><p class=\"intro\" style=\"color: #123456\">d</p>");

        Assert.Equal("color: #ff0000; margin: 0 0 16px", Style(document, "#lead"));
        Assert.Equal("color: #00ff00; margin: 0 0 16px", Style(document, "p.intro:nth-child(2)"));
        Assert.Equal("color: #0000ff; margin: 0 0 16px", Style(document, "p:nth-child(3)"));
        Assert.EndsWith("; color: #123456", Style(document, "p:nth-child(4)"));
    }

    [Fact]
    public void Important_beats_specificity_and_each_part_of_a_selector_list_has_its_own()
    {
        var document = Inline(
            "p { color: #111111 !important; } #x { color: #222222; } td, #y { font-size: 10px; } .z { font-size: 12px; }",
            "<p id=\"x\">a</p><p id=\"y\" class=\"z\">b</p><table><tr><td class=\"z\">c</td></tr></table>");

        Assert.Contains("color: #111111", Style(document, "#x"));
        Assert.Contains("font-size: 10px", Style(document, "#y"));   // #y (1,0,0) beats .z
        Assert.Contains("font-size: 12px", Style(document, "td"));   // .z beats td
    }

    [Fact]
    public void Colours_become_hex_and_outlook_properties_survive()
    {
        var document = Inline("td { color: rgb(16, 42, 67); mso-line-height-rule: exactly; font-family: \"Segoe UI\", Arial; background-color: rgba(0, 0, 0, 0.5); }",
            "<table><tr><td>x</td></tr></table>");

        var style = Style(document, "td");
        Assert.Contains("color: #102a43", style);
        Assert.Contains("mso-line-height-rule: exactly", style);
        Assert.Contains("font-family: 'Segoe UI', Arial", style);
        Assert.Contains("rgba(0, 0, 0, 0.5)", style);
    }

    [Fact]
    public void Media_queries_and_pseudo_classes_stay_in_the_style_block_and_flex_is_dropped_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var sheet = EmailStylesheet.Parse(
            "a:hover { color: red; } .row { display: flex; color: #000000; } @media (max-width: 600px) { .row { width: 100% !important; } }",
            "themes/test/email/email.css", diagnostics);

        Assert.Contains("a:hover", sheet.KeptCss);
        Assert.Contains("@media (max-width: 600px)", sheet.KeptCss);
        Assert.DoesNotContain(".row { display", sheet.KeptCss);
        var row = Assert.Single(sheet.Rules);
        Assert.Equal(["color"], row.Declarations.Select(d => d.Name));
        var warning = Assert.Single(diagnostics.Sorted());
        Assert.Equal("themes/test/email/email.css", warning.Location.File);
        Assert.False(warning.IsError);
    }
}
