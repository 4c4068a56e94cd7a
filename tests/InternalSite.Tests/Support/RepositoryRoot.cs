namespace InternalSite.Tests.Support;

/// <summary>The checkout's root (the folder holding InternalSite.sln): the sample portal's site folder and the test sources' parent.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "InternalSite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InternalSite.sln not found above " + AppContext.BaseDirectory);
    }
}
