namespace InternalSite.Content;

/// <summary>
/// What the file system says about a file without reading it: size, last write (modified) and status change times in
/// nanoseconds since 1970, inode and device. While all of them are as recorded, the file holds the bytes it held then
/// (as git and make assume): an edit changes the size or the times, and a file put in its place has another inode.
/// The status change time cannot be set back, so an edit that restores the modified time is still seen.
/// On Linux all of them come from <c>statx</c>; elsewhere only the size and modified time are known (the rest is 0).
/// </summary>
internal readonly record struct FileStamp(long Size, long ModifiedNs, long ChangedNs, ulong Inode, ulong Device)
{
    /// <summary>
    /// Whether the file may have been changed again within the same tick of the file system's clock as its stamp,
    /// after <paramref name="recordedAtNs"/> (the file system's time before the file was looked at): an equal stamp
    /// would not show such an edit, so the recorded content of such a file is not trusted (git's "racily clean").
    /// </summary>
    public bool IsRacy(long recordedAtNs) => ModifiedNs >= recordedAtNs || ChangedNs >= recordedAtNs;

    /// <summary>The stamp of the file at <paramref name="fullPath"/> (following symbolic links, as reading it does); null if there is none.</summary>
    public static FileStamp? Of(string fullPath) => Of(null, fullPath);

    /// <summary>The stamp of the file at <paramref name="path"/>, relative to <paramref name="folder"/> when one is given.</summary>
    public static FileStamp? Of(NativeStatus.OpenFolder? folder, string path)
    {
        if (NativeStatus.Available)
        {
            try
            {
                return NativeStatus.Query(folder, path, followLinks: true) is { } status
                    ? new FileStamp(status.Size, status.ModifiedNs, status.ChangedNs, status.Inode, status.Device)
                    : null;
            }
            catch (PlatformNotSupportedException)
            {
                // A C library without statx (e.g. an old musl): the portable stamp is still sound, just coarser.
            }
        }

        var info = new FileInfo(folder is null ? path : System.IO.Path.Combine(folder.Path, path));
        if (!info.Exists)
        {
            return null;
        }

        var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        return new FileStamp(info.Length, modified, 0, 0, 0);
    }

    /// <summary>The system clock's "now", in the stamps' unit.</summary>
    public static long ClockNow() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
}
