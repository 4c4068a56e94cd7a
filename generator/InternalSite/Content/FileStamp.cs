using System.Runtime.InteropServices;

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
    private static bool statxMissing = !OperatingSystem.IsLinux();

    /// <summary>
    /// Whether the file may have been changed again within the same tick of the file system's clock as its stamp,
    /// after <paramref name="recordedAtNs"/> (the file system's time before the file was looked at): an equal stamp
    /// would not show such an edit, so the recorded content of such a file is not trusted (git's "racily clean").
    /// </summary>
    public bool IsRacy(long recordedAtNs) => ModifiedNs >= recordedAtNs || ChangedNs >= recordedAtNs;

    /// <summary>The stamp of the file at <paramref name="fullPath"/> (following symbolic links, as reading it does); null if there is none.</summary>
    public static FileStamp? Of(string fullPath)
    {
        if (!Volatile.Read(ref statxMissing))
        {
            try
            {
                return Statx.Of(fullPath);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (e.g. an old musl): the portable stamp is still sound, just coarser.
                Volatile.Write(ref statxMissing, true);
            }
        }

        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return null;
        }

        var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        return new FileStamp(info.Length, modified, 0, 0, 0);
    }

    /// <summary>The system clock's "now", in the stamps' unit.</summary>
    public static long ClockNow() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    private static class Statx
    {
        private const int CurrentDirectory = -100;
        private const uint BasicStats = 0x7ff;
        private const int NoSuchFile = 2;
        private const int NotADirectory = 20;

        public static FileStamp? Of(string fullPath)
        {
            if (statx(CurrentDirectory, fullPath, 0, BasicStats, out var buffer) == 0)
            {
                return new FileStamp(
                    (long)buffer.Size,
                    buffer.ModifiedSeconds * 1_000_000_000 + buffer.ModifiedNanoseconds,
                    buffer.ChangedSeconds * 1_000_000_000 + buffer.ChangedNanoseconds,
                    buffer.Inode,
                    ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor);
            }

            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotADirectory
                ? null
                : throw new IOException($"cannot look at '{fullPath}' (error {error})");
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int directory, string path, int flags, uint mask, out Buffer buffer);

        /// <summary><c>struct statx</c>: the same layout on every architecture Linux runs on.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        private struct Buffer
        {
            [FieldOffset(32)] public ulong Inode;
            [FieldOffset(40)] public ulong Size;
            [FieldOffset(96)] public long ChangedSeconds;
            [FieldOffset(104)] public uint ChangedNanoseconds;
            [FieldOffset(112)] public long ModifiedSeconds;
            [FieldOffset(120)] public uint ModifiedNanoseconds;
            [FieldOffset(136)] public uint DeviceMajor;
            [FieldOffset(140)] public uint DeviceMinor;
        }
    }
}
