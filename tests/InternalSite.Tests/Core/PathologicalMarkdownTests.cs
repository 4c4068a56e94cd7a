using System.Diagnostics;
using InternalSite.Diagnostics;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Core;

/// <summary>Markdown built to exhaust a parser must end in one diagnostic, quickly, never in a crash or a hang.</summary>
public sealed class PathologicalMarkdownTests
{
    public static TheoryData<string, string> Bodies() => new()
    {
        { "quotes", new string('>', 20_000) + " x\n" },
        { "bullet lists", string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 2 * i) + "- x\n")) },
        { "ordered lists", string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 3 * i) + "1. x\n")) },
        { "quoted lists", string.Concat(Enumerable.Range(0, 200).Select(i => string.Concat(Enumerable.Repeat("> ", i)) + "- x\n")) },
        { "brackets", new string('[', 200_000) + "x" + new string(']', 200_000) + "\n" },
        { "parentheses", "[a](" + new string('(', 200_000) + "\n" },
        { "links in links", string.Concat(Enumerable.Repeat("[a](", 50_000)) + "\n" },
        { "emphasis runs", string.Concat(Enumerable.Repeat("*a ", 50_000)) + "\n" },
        { "one long emphasis", new string('*', 100_000) + "a" + new string('*', 100_000) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Pathological_nesting_is_one_diagnostic_and_finishes_quickly(string what, string body)
    {
        var clock = Stopwatch.StartNew();
        var (result, _) = TestSite.Build(TestSite.Config + "\n-- content/deep.md --\n---\ntitle: Deep\n---\n" + body);
        clock.Stop();

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.TooDeeplyNested, error.Code);
        Assert.Equal("content/deep.md", error.Location.File);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{what} took {clock.Elapsed.TotalSeconds:0.0}s");
    }

    [Fact]
    public void Ordinary_nesting_is_fine()
    {
        var body = "> quote\n> > nested quote\n\n- a\n  - b\n    - c\n      1. d\n\n[link [with] brackets](https://example.com/a_(b))\n";
        var (result, output) = TestSite.Build(TestSite.Config + "\n-- content/ok.md --\n---\ntitle: Ok\n---\n" + body);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Contains("<blockquote>", output.Text("ok/index.html"));
    }
}
