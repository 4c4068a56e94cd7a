using InternalSite.Tests.Support;

namespace InternalSite.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void A_minimal_site_builds_its_home_page()
    {
        var (result, output) = TestSite.Build(TestSite.Config + """

            -- content/index.md --
            ---
            title: Home
            ---
            Hello **portal**.
            """);

        Assert.True(result.Succeeded, TestSite.Errors(result));
        Assert.Contains("<strong>portal</strong>", output.Text("index.html"));
    }
}
