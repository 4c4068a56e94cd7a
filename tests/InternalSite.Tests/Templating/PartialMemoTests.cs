using System.Text;
using InternalSite.Templating;
using InternalSite.Tests.Support;
using Scriban;

namespace InternalSite.Tests.Templating;

/// <summary>
/// Partials rendered once per distinct inputs (<see cref="PartialMemo"/>) must write exactly what evaluating them in
/// place writes, whatever their inputs, the variables they set, or the state they share with the caller.
/// </summary>
public sealed class PartialMemoTests
{
    private static string Page(string layout, string partial)
    {
        var site = TestSite.Config + $$$"""

            theme: probe
            -- themes/probe/layouts/base.html --
            {{ content }}
            -- themes/probe/layouts/page.html --
            {{{layout}}}
            -- themes/probe/layouts/partials/p.html --
            {{{partial}}}
            -- content/x.md --
            ---
            title: X
            ---
            """;
        var (result, output) = TestSite.Build(site);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        return Encoding.UTF8.GetString(output.Files["x/index.html"]).Trim();
    }

    [Fact]
    public void A_repeated_partial_writes_what_each_includes_inputs_give()
    {
        var html = Page(
            "{{ for v in ['a', 'b', 'a', 'b', 'a', 'c', 'a'] }}{{ include 'partials/p.html' }}{{ end }}",
            "[{{ v | string.upcase }}]");

        Assert.Equal("[A][B][A][B][A][C][A]", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void Variables_a_repeated_partial_sets_are_set_again_when_its_text_is_reused()
    {
        var html = Page(
            "{{ for v in ['a', 'b', 'a', 'b', 'a'] }}{{ include 'partials/p.html' }}{{ shout }};{{ end }}",
            "{{ shout = v + '!' }}");

        Assert.Equal("a!;b!;a!;b!;a!;", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void A_variable_set_on_some_paths_keeps_the_callers_value_on_the_others()
    {
        var html = Page(
            "{{ for v in [1, 2, 3, 4, 5, 6] }}{{ note = 'n' + v; flag = v == 2; include 'partials/p.html' }}{{ note }};{{ end }}",
            "{{ if flag; note = 'two'; end }}");

        Assert.Equal("n1;two;n3;n4;n5;n6;", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void A_partial_reading_an_array_the_page_changes_writes_its_current_contents()
    {
        var html = Page(
            "{{ items = [1]; for v in 1..4 }}{{ include 'partials/p.html' }}{{ items = items | array.add v }}{{ end }}",
            "({{ items | array.join ',' }})");

        Assert.Equal("(1)(1,1)(1,1,2)(1,1,2,3)", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void A_partial_reading_the_callers_loop_state_writes_it_for_each_item()
    {
        var html = Page(
            "{{ for v in ['a', 'a', 'a'] }}{{ include 'partials/p.html' }}{{ end }}",
            "{{ v }}{{ if !for.last }},{{ end }}");

        Assert.Equal("a,a,a", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void A_partial_whose_inputs_never_repeat_keeps_writing_each_includes_text()
    {
        // Well past the point where such a partial is no longer looked up.
        var html = Page("{{ for v in 1..6000 }}{{ include 'partials/p.html' }}{{ end }}", "{{ v }},");

        Assert.Equal(string.Join(',', Enumerable.Range(1, 6000)) + ",", html.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void A_page_variable_named_like_a_function_the_partial_calls_is_what_it_reads()
    {
        var html = Page(
            "{{ for v in 1..4 }}{{ if v == 3; all_office_hours_calendar = 'mine'; end; include 'partials/p.html' }}{{ end }}",
            "[{{ all_office_hours_calendar }}]");

        var written = html.ReplaceLineEndings(string.Empty).Split(']', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, written.Length);
        Assert.Equal(written[0], written[1]);
        Assert.NotEqual("[mine", written[0]);
        Assert.Equal(["[mine", "[mine"], written[2..]);
    }

    [Fact]
    public void What_a_partial_reads_is_found_in_it_and_the_partials_it_includes()
    {
        var shape = Shape(
            "{{ for link in page.nav_items }}{{ url link.url }}{{ end }}{{ title = site.config.title }}{{ title }}{{ include 'inner.html' }}",
            ("inner.html", "{{ if flag; mark = x.y.z; end }}{{ mark }}"));

        Assert.True(shape.IsKnown);
        Assert.Equal(["flag", "mark", "page.nav_items", "site.config.title", "x.y.z"], shape.Inputs.Select(i => i.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["mark", "title"], shape.Assigned);
    }

    [Theory]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ $0 }}")]
    [InlineData("{{ capture x }}y{{ end }}")]
    [InlineData("{{ page.title = 'changed' }}")]
    [InlineData("{{ f = url; f 'x' }}")]
    [InlineData("{{ for.index }}")]
    [InlineData("{{ include name }}")]
    [InlineData("{{ include 'missing.html' }}")]
    public void A_partial_whose_output_may_depend_on_more_than_its_inputs_is_not_memoized(string text)
    {
        Assert.False(Shape(text).IsKnown);
    }

    private static PartialShape Shape(string text, params (string Path, string Text)[] partials)
    {
        var pure = new HashSet<string>(StringComparer.Ordinal) { "url" };
        return PartialShape.Of(Template.Parse(text).Page!, pure,
            name => partials.FirstOrDefault(p => p.Path == name) is { Text: { } found } ? Template.Parse(found).Page : null);
    }
}
