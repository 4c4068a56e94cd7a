namespace InternalSite.Tests.Email;

/// <summary>The plain-text part: it must read well where no HTML is shown.</summary>
public sealed class EmailTextTests
{
    private static string Text => EmailFixture.Newsletter.Text;

    private static string[] Lines => Text.Split('\n');

    private static IReadOnlyDictionary<int, string> References()
    {
        var lines = Lines;
        var start = Array.IndexOf(lines, "Links:");
        Assert.True(start > 0, "the text has no 'Links:' list");
        return lines.Skip(start + 1).Where(l => l.Length > 0)
            .Select(l => (Number: int.Parse(l[1..l.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture), Url: l[(l.IndexOf(']') + 2)..]))
            .ToDictionary(r => r.Number, r => r.Url);
    }

    [Fact]
    public void Links_become_numbered_references_listed_at_the_end()
    {
        var references = References();

        Assert.Equal(Enumerable.Range(1, references.Count), references.Keys.Order());
        Assert.Contains("This month Atlas [1] learned", Text);
        Assert.Equal("https://portal.example.internal/tools/products/atlas/", references[1]);
        Assert.Equal("https://portal.example.internal/tools/products/beacon/", references[2]);
        Assert.Contains("https://portal.example.internal/tools/newsletters/2026-10/#upgrade", references.Values);
        // The same address keeps its number: the digest's "Atlas" heading points where the first link did.
        Assert.Contains("Atlas [1]", Lines);
        Assert.Equal(references.Count, references.Values.Distinct().Count());
        foreach (var number in references.Keys)
        {
            Assert.Contains($"[{number}]", Text[..Text.IndexOf("\nLinks:", StringComparison.Ordinal)]);
        }
    }

    [Fact]
    public void Addresses_that_are_already_the_text_are_not_numbered()
    {
        Assert.Contains("the team <product-team@example.internal>", Text);
        Assert.DoesNotContain("https://chat.example.internal/tools [", Text);
        Assert.DoesNotContain("https://chat.example.internal/tools", References().Values);
    }

    [Fact]
    public void Headings_are_underlined_to_their_length()
    {
        var lines = Lines;
        var title = Array.IndexOf(lines, "October at Acme Tools");
        Assert.Equal(new string('=', "October at Acme Tools".Length), lines[title + 1]);
        var section = Array.IndexOf(lines, "What changed");
        Assert.Equal("------------", lines[section + 1]);
        Assert.Equal("-----------------------------", lines[Array.IndexOf(lines, "Releases since the last issue") + 1]);
    }

    [Fact]
    public void Lists_quotes_and_code_keep_their_shape()
    {
        Assert.Contains("- Graphs for every service\n- Owners are never stale:\n  1. synced hourly\n  2. checked nightly\n", Text);
        Assert.Contains("- \u2610 Try the new graph view\n- \u2611 Read this newsletter\n", Text);
        Assert.Contains("> Atlas is the first place I look now.\n> \u2014 an on-call engineer\n", Text);
        Assert.Contains("    beacon migrate --dry-run\n    beacon migrate\n", Text);
        Assert.Contains("| Atlas | 2.4.0 |", Text);
    }

    [Fact]
    public void Lines_are_wrapped_and_the_hidden_preheader_and_masthead_are_left_out()
    {
        Assert.All(Lines.Where(l => !l.StartsWith('[')), l => Assert.True(l.Length <= 72, $"too long: {l}"));
        Assert.DoesNotContain("View in browser", Text);
        Assert.DoesNotContain("\u034F", Text);
        Assert.StartsWith("October at Acme Tools\n", Text);
        Assert.DoesNotContain("\n\n\n", Text);
    }
}
