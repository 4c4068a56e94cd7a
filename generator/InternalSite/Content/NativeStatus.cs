using System.Runtime.InteropServices;

namespace InternalSite.Content;

/// <summary>
/// Linux's <c>statx</c>, asked about a path relative to an open folder. An incremental build asks about tens of
/// thousands of paths of one folder tree (the site's sources, the output's folders); relative to the tree's root, the
/// kernel does not look up the folders above the root again for each, and no <see cref="FileInfo"/> (a full path, an
/// object, the owner's id for its attributes) is made where only a type, a size or a time is wanted.
/// Elsewhere (or with a C library that lacks statx) <see cref="Available"/> is false and callers use .NET's own calls.
/// </summary>
internal static class NativeStatus
{
    private const int CurrentDirectory = -100;
    private const int DoNotFollowLinks = 0x100;
    private const int EmptyPathMeansDescriptor = 0x1000;
    private const uint BasicStats = 0x7ff;
    private const int ReadOnlyCloseOnExec = 0x80000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const ushort TypeMask = 0xF000;
    private const ushort FolderType = 0x4000;
    private const ushort RegularFileType = 0x8000;

    private static bool missing = !OperatingSystem.IsLinux();

    public static bool Available => !Volatile.Read(ref missing);

    /// <summary>What statx said of one path.</summary>
    public readonly record struct Status(ushort Mode, long Size, long ModifiedNs, long ChangedNs, ulong Inode, ulong Device)
    {
        /// <summary>A folder itself, not a link to one (unless the query followed links).</summary>
        public bool IsFolder => (Mode & TypeMask) == FolderType;

        public bool IsRegularFile => (Mode & TypeMask) == RegularFileType;
    }

    /// <summary>
    /// The status of <paramref name="path"/> (relative to <paramref name="folder"/>, or absolute with no folder); null
    /// when nothing is there. Throws <see cref="IOException"/> when the system cannot say, and
    /// <see cref="PlatformNotSupportedException"/> when statx is not <see cref="Available"/>.
    /// </summary>
    public static Status? Query(OpenFolder? folder, string path, bool followLinks) =>
        Query(folder?.Descriptor ?? CurrentDirectory, path, followLinks ? 0 : DoNotFollowLinks);

    private static Status? Query(int directory, string path, int flags)
    {
        if (!Available)
        {
            throw new PlatformNotSupportedException("statx is not available here");
        }

        int result;
        Buffer buffer;
        try
        {
            result = statx(directory, path, flags, BasicStats, out buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Volatile.Write(ref missing, true);
            throw new PlatformNotSupportedException("statx is not available here", e);
        }

        if (result == 0)
        {
            return new Status(
                buffer.Mode,
                (long)buffer.Size,
                buffer.ModifiedSeconds * 1_000_000_000 + buffer.ModifiedNanoseconds,
                buffer.ChangedSeconds * 1_000_000_000 + buffer.ChangedNanoseconds,
                buffer.Inode,
                ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor);
        }

        var error = Marshal.GetLastPInvokeError();
        return error is NoSuchFile or NotADirectory
            ? null
            : throw new IOException($"cannot look at '{path}' (error {error})");
    }

    /// <summary>The status of the file <paramref name="handle"/> has open (which may since have been deleted or replaced at its path).</summary>
    public static Status? Query(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Query((int)handle.DangerousGetHandle(), string.Empty, EmptyPathMeansDescriptor);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>A folder held open so paths can be asked about relative to it; null when it cannot be opened.</summary>
    public static OpenFolder? Open(string folder)
    {
        if (!Available)
        {
            return null;
        }

        try
        {
            var descriptor = open(folder, ReadOnlyCloseOnExec);
            return descriptor < 0 ? null : new OpenFolder(descriptor, folder);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Volatile.Write(ref missing, true);
            return null;
        }
    }

    /// <summary>An open folder; every query relative to it must end before it is disposed.</summary>
    public sealed class OpenFolder(int descriptor, string path) : IDisposable
    {
        private int closed;

        /// <summary>The folder's path, for the callers' fallback when statx goes missing.</summary>
        public string Path => path;

        internal int Descriptor => descriptor;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                close(descriptor);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, out Buffer buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(string path, int flags);

    [DllImport("libc")]
    private static extern int close(int descriptor);

    /// <summary><c>struct statx</c>: the same layout on every architecture Linux runs on.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Buffer
    {
        [FieldOffset(28)] public ushort Mode;
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
