using InternalSite.Content;

namespace InternalSite.Tests.Core;

/// <summary>Reading a site folder: which files are part of the site, and under which paths.</summary>
public sealed class SiteSourceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("site-source-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text = "x")
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_folder_gives_its_config_content_and_themes_without_hidden_or_backup_files()
    {
        Write(SiteSource.ConfigFileName, "title: T\n");
        Write("content/index.md", "home");
        Write("content/products/atlas/index.md");
        Write("content/products/atlas/logo.svg");
        Write("content/.draft.md");
        Write("content/notes.md~");
        Write("content/.git/config");
        Write("content/old~/page.md");
        Write("content/products/.cache/page.md");
        Write("themes/default/layouts/base.html");
        Write("themes/default/.hidden/x.html");
        Write("other/ignored.md");

        var source = SiteSource.FromDirectory(root);

        Assert.Equal("title: T\n", System.Text.Encoding.UTF8.GetString(source.Config!.Bytes));
        Assert.Equal(
            ["content/index.md", "content/products/atlas/index.md", "content/products/atlas/logo.svg"],
            source.ContentFiles.Select(f => f.Path));
        Assert.Equal(["themes/default/layouts/base.html"], source.Under(SiteSource.ThemesFolder).Select(f => f.Path));
        Assert.Equal("home", System.Text.Encoding.UTF8.GetString(source.Get("content/index.md")!.Bytes));
        Assert.Equal(Path.GetFullPath(root), source.RootDirectory);
    }
}
