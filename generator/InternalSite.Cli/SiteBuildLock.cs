using InternalSite.Content;

namespace InternalSite.Cli;

/// <summary>
/// One build of a site at a time, across processes: a build in a terminal, one on the build server and one in an
/// editor's task would otherwise interleave their output commits and cache saves, leaving a cache that describes
/// another build's output. Held from before the cache is read until after it is saved.
/// </summary>
/// <remarks>
/// The lock is an exclusive advisory lock on a file beside the build server's socket. The file is deleted when the
/// lock is let go (where Linux's statx can tell files apart), so building many sites, as the test suite does, leaves
/// no file per site behind. That is safe because a process that holds the lock checks that the file it locked is still
/// the one at the path: one that opened the file just before its holder deleted it finds, once it holds its lock, that
/// the path is gone or names a newer file, and opens the path again.
/// </remarks>
internal sealed class SiteBuildLock : IDisposable
{
    private readonly FileStream? file;
    private readonly string? path;

    private SiteBuildLock(FileStream? file, string? path)
    {
        this.file = file;
        this.path = path;
    }

    /// <summary>Waits for the lock of the site at <paramref name="siteRoot"/>; <paramref name="waiting"/> runs once if it has to wait.</summary>
    public static SiteBuildLock Acquire(string siteRoot, Action? waiting = null) =>
        AcquireFile(BuildServer.BuildServerEndpoint.LockPathOrNull(siteRoot), waiting);

    /// <summary>Waits for the lock held through the file at <paramref name="path"/> (none: a lock that locks nothing).</summary>
    internal static SiteBuildLock AcquireFile(string? path, Action? waiting = null)
    {
        if (path is null)
        {
            // No private folder for locks here (another user owns it): build without one, as before there was one.
            return new SiteBuildLock(null, null);
        }

        var told = false;
        var missing = 0;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, a share lock on Windows; it goes with the process.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (IsStillAt(file, path))
                {
                    return new SiteBuildLock(file, path);
                }

                file.Dispose();
                continue;
            }
            // Locked by another build; or its holder deleted the file just after this open failed (a few times at most:
            // the next open creates it again). Any other failure to open it keeps the file from existing every time.
            catch (IOException) when (File.Exists(path) || ++missing < 20)
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
                return new SiteBuildLock(null, null);
            }
        }
    }

    /// <summary>Whether the file <paramref name="file"/> locked is still the one at <paramref name="path"/> (not deleted or replaced since it was opened).</summary>
    internal static bool IsStillAt(FileStream file, string path)
    {
        if (!NativeStatus.Available)
        {
            return true;
        }

        try
        {
            return NativeStatus.Query(file.SafeFileHandle) is { } locked
                && NativeStatus.Query(null, path, followLinks: false) is { } named
                && locked.Inode == named.Inode && locked.Device == named.Device;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            // Cannot tell: the lock file is then never deleted (see Dispose), so the file locked is the one at the path.
            return true;
        }
    }

    public void Dispose()
    {
        if (file is null)
        {
            return;
        }

        if (NativeStatus.Available)
        {
            try
            {
                // Deleted while still held: see the remarks.
                File.Delete(path!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next build of the site, which locks it as before.
            }
        }

        file.Dispose();
    }
}
