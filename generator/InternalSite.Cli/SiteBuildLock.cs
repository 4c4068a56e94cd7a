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

    /// <summary>Waits for the lock in <paramref name="cacheFolder"/>; <paramref name="waiting"/> runs once if it has to wait.</summary>
    public static SiteBuildLock Acquire(string cacheFolder, Action? waiting = null)
    {
        var path = Path.Combine(cacheFolder, "build.lock");
        var told = false;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(cacheFolder);
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
                // A site folder this user may not write to has no cache to protect either (the build saves none).
                return new SiteBuildLock(null);
            }
        }
    }

    public void Dispose() => file?.Dispose();
}
