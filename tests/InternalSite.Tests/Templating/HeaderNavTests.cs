using System.Text;
using System.Text.RegularExpressions;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Templating;

/// <summary>The default theme's header marks the navigation link of the page a reader is on, and of its section.</summary>
public sealed partial class HeaderNavTests
{
    private const string Site = TestSite.Config + """

        nav:
          - title: Home
            url: /
          - title: About
            url: /about/
          - title: Team
            url: about/team/
          - title: Elsewhere
            url: https://example.org/about/
        -- content/index.md --
        ---
        title: Home
        ---
        -- content/about.md --
        ---
        title: About
        ---
        -- content/about/team.md --
        ---
        title: Team
        ---
        -- content/contact.md --
        ---
        title: Contact
        ---
        """;

    [Theory]
    [InlineData("index.html", "Home=page About= Team= Elsewhere=")]
    [InlineData("about/index.html", "Home= About=page Team= Elsewhere=")]
    [InlineData("about/team/index.html", "Home= About=true Team=page Elsewhere=")]
    [InlineData("contact/index.html", "Home= About= Team= Elsewhere=")]
    public void Each_link_is_marked_as_the_page_or_the_section_it_is_on(string file, string expected)
    {
        var (result, output) = TestSite.Build(Site);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        var nav = NavList().Match(Encoding.UTF8.GetString(output.Files[file])).Groups[1].Value;
        var marks = NavLink().Matches(nav).Select(m => $"{m.Groups[3].Value}={m.Groups[2].Value}");
        Assert.Equal(expected, string.Join(' ', marks));
    }

    [GeneratedRegex("""<nav class="site-nav" aria-label="Main"><ul>(.*?)</ul></nav>""")]
    private static partial Regex NavList();

    [GeneratedRegex("""<li><a href="([^"]*)"(?: aria-current="([^"]*)")?>([^<]*)</a></li>""")]
    private static partial Regex NavLink();
}
