namespace InternalSite.Build;

/// <summary>Refuses output folders that would overwrite the site itself: the site folder, content/, or a folder holding either.</summary>
public static class OutputFolderGuard
{
    public static string? Problem(string siteRoot, string outputFolder)
    {
        var site = Normalize(siteRoot);
        var output = Normalize(outputFolder);
        var content = Normalize(Path.Combine(siteRoot, "content"));
        var themes = Normalize(Path.Combine(siteRoot, "themes"));
        if (output == site || IsInside(site, output))
        {
            return $"the output folder {outputFolder} is the site folder or holds it (expected a folder of its own, such as _site)";
        }

        if (output == content || IsInside(output, content) || IsInside(content, output))
        {
            return $"the output folder {outputFolder} is content/ or overlaps it (expected a folder outside content/, such as _site)";
        }

        if (output == themes || IsInside(output, themes) || IsInside(themes, output))
        {
            return $"the output folder {outputFolder} overlaps themes/ (expected a folder of its own, such as _site)";
        }

        return null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>Whether <paramref name="inner"/> lies strictly inside <paramref name="outer"/>.</summary>
    private static bool IsInside(string inner, string outer) =>
        inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
