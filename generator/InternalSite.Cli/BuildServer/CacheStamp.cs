using InternalSite.Build.Incremental;

namespace InternalSite.Cli.BuildServer;

/// <summary>
/// Identifies one saved cache file by its size and time of last write: every save replaces the file, so a stamp
/// that differs from the one a save left means another process saved (or deleted) the cache since.
/// </summary>
internal sealed record CacheStamp(long Length, long LastWriteTicks)
{
    public static CacheStamp? Of(string cacheFolder)
    {
        var file = new FileInfo(CacheFile.MainFile(cacheFolder));
        return file.Exists ? new CacheStamp(file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }
}
