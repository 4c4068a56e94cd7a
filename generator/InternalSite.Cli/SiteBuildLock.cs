namespace InternalSite.Cli;

/// <summary>
/// One build of a site at a time, across processes: a build in a terminal, one on the build server and one in an
/// editor's task would otherwise interleave their output commits and cache saves, leaving a cache that describes
/// another build's output. Held from before the cache is read until after it is saved.
/// </summary>
internal sealed class SiteBuildLock : IDisposable
{
    private readonly FileStream? file;

    private SiteBuildLock(FileStream? file) => this.file = file;

    /// <summary>Waits for the lock of the site at <paramref name="siteRoot"/>; <paramref name="waiting"/> runs once if it has to wait.</summary>
    public static SiteBuildLock Acquire(string siteRoot, Action? waiting = null)
    {
        string path;
        try
        {
            path = BuildServer.BuildServerEndpoint.LockPath(siteRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No private folder for locks here (another user owns it): build without one, as before there was one.
            return new SiteBuildLock(null);
        }

        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, a share lock on Windows; it goes with the process.
                return new SiteBuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!told)
                {
                    waiting?.Invoke();
                    told = true;
                }

                Thread.Sleep(50);
            }
            catch (UnauthorizedAccessException)
            {
                // A lock file this user may not open: build without one, as before there was one.
                return new SiteBuildLock(null);
            }
        }
    }

    public void Dispose() => file?.Dispose();
}
