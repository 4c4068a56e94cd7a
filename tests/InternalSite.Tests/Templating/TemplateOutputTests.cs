using System.Text;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Templating;

/// <summary>How the theme's templates and partials write a page.</summary>
public sealed class TemplateOutputTests
{
    private const string Site = TestSite.Config + """

        theme: probe
        -- themes/probe/layouts/base.html --
        <main>{{ content }}</main>
        -- themes/probe/layouts/page.html --
        {{ for i in 1..40000 }}{{ include 'partials/row.html' }}{{ end }}
        <p id="last">the end</p>
        -- themes/probe/layouts/partials/row.html --
        <p>row {{ i }} {{ for w in ["of", "a", "long"] }}{{ w }} {{ end }}listing</p>
        -- content/long.md --
        ---
        title: Long
        ---
        """;

    [Fact]
    public void A_page_longer_than_a_megabyte_is_written_whole()
    {
        var (result, output) = TestSite.Build(Site);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        var html = Encoding.UTF8.GetString(output.Files["long/index.html"]);
        Assert.True(html.Length > 1_200_000, $"only {html.Length} characters were written");
        Assert.Contains("<p>row 40000 of a long listing</p>", html, StringComparison.Ordinal);
        Assert.EndsWith("<p id=\"last\">the end</p>\n</main>", html.TrimEnd('\n') , StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_is_written_as_the_utf8_of_its_text()
    {
        var site = TestSite.Config + """

            theme: probe
            -- themes/probe/layouts/base.html --
            <title>{{ page.title }}</title>{{ content }}
            -- themes/probe/layouts/page.html --
            <h1>{{ page.title }}</h1>
            -- content/x.md --
            ---
            title: Café 😀 & co
            ---
            """;

        var (result, output) = TestSite.Build(site);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal("<title>Café 😀 &amp; co</title><h1>Café 😀 &amp; co</h1>", Encoding.UTF8.GetString(output.Files["x/index.html"]).Trim());
    }

    [Fact]
    public void An_include_whose_value_is_used_gives_the_partials_text()
    {
        var site = TestSite.Config + """

            theme: probe
            -- themes/probe/layouts/base.html --
            {{ content }}
            -- themes/probe/layouts/page.html --
            {{ text = include 'partials/word.html' }}[{{ text | string.strip | string.upcase }}]
            -- themes/probe/layouts/partials/word.html --
            {{ page.title }}
            -- content/x.md --
            ---
            title: quiet
            ---
            """;

        var (result, output) = TestSite.Build(site);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Equal("[QUIET]", Encoding.UTF8.GetString(output.Files["x/index.html"]).Trim());
    }
}
