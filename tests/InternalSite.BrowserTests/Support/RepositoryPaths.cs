namespace InternalSite.BrowserTests.Support;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root (the folder holding InternalSite.sln), which is also the sample portal's site folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InternalSite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("could not find InternalSite.sln above " + AppContext.BaseDirectory);
    }
}
