using InternalSite.Cli.Serve;

namespace InternalSite.Tests.Serve;

public sealed class RequestPathsTests
{
    [Theory]
    [InlineData("/tools/../secret.txt")]
    [InlineData("/tools/../../etc/passwd")]
    [InlineData("/tools/products/../../secret.txt")]
    [InlineData("/tools/./index.html")]
    [InlineData("/tools/..\\secret.txt")]
    [InlineData("/tools/products\\..\\..\\secret.txt")]
    [InlineData("/tools//etc/passwd")]
    [InlineData("/tools/C:/Windows/win.ini")]
    [InlineData("/tools/a\0b")]
    [InlineData("tools/index.html")]
    public void Paths_that_leave_the_site_are_refused(string path)
    {
        Assert.IsType<RequestPaths.Refused>(RequestPaths.Resolve(path, "/tools/"));
    }

    [Theory]
    [InlineData("/tools/", "index.html")]
    [InlineData("/tools", "index.html")]
    [InlineData("/tools/products/atlas/", "products/atlas/index.html")]
    [InlineData("/tools/assets/css/site.css", "assets/css/site.css")]
    [InlineData("/tools/products/atlas", "products/atlas")]
    [InlineData("/", "index.html")]
    public void Site_paths_name_output_files(string path, string expected)
    {
        var basePath = path == "/" ? "/" : "/tools/";
        var file = Assert.IsType<RequestPaths.File>(RequestPaths.Resolve(path, basePath));
        Assert.Equal(expected, file.OutputPath);
    }

    [Fact]
    public void Paths_beside_the_base_path_are_outside_the_site()
    {
        Assert.IsType<RequestPaths.OutsideSite>(RequestPaths.Resolve("/other/index.html", "/tools/"));
    }
}
