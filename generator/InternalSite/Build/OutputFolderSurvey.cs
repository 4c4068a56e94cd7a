using System.Collections.Concurrent;
using InternalSite.Content;

namespace InternalSite.Build;

/// <summary>
/// Which folders of the output changed since the last build's listing of it, found with one status query per folder
/// and none per file. A file, a folder or a link put into a folder, or deleted, moved or replaced there, changes the
/// folder's modification time; so in a folder that did not change, every file the last build left is still there as
/// it left it (short of an edit in place, which only <c>build --no-cache</c> notices, as it compares every byte).
/// An incremental build then carries those files over without asking about each of them, and its sweep lists only
/// the folders that changed for files it did not emit. A folder missing, or a link or file standing where a folder
/// was, makes the survey unusable: the build then asks about every file and the sweep walks the whole output.
/// </summary>
internal sealed class OutputFolderSurvey
{
    // Timestamps of folders may be coarser than the clock (whole seconds on some file systems), and a little early.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(5);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> surveyed;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> changed;

    private readonly DateTime committedAtUtc;

    private OutputFolderSurvey(string root, DateTime startedAtUtc, DateTime committedAtUtc, HashSet<string> surveyed, HashSet<string> changed)
    {
        Root = root;
        StartedAtUtc = startedAtUtc;
        this.committedAtUtc = committedAtUtc;
        this.surveyed = surveyed.GetAlternateLookup<ReadOnlySpan<char>>();
        this.changed = changed.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The output folder (full path, no trailing separator).</summary>
    public string Root { get; }

    /// <summary>When the survey began: the next survey counts as changed whatever changed after this.</summary>
    public DateTime StartedAtUtc { get; }

    /// <summary>The surveyed folders that changed, relative to the root ("" for the root itself).</summary>
    public IReadOnlyCollection<string> Changed => changed.Set;

    /// <summary>Whether <paramref name="folder"/> (relative, '/'-separated) held files of the last listing.</summary>
    public bool Surveyed(ReadOnlySpan<char> folder) => surveyed.Contains(folder);

    /// <summary>Whether every file the last build left in <paramref name="folder"/> is still there, as it was.</summary>
    public bool Unchanged(ReadOnlySpan<char> folder) => surveyed.Contains(folder) && !changed.Contains(folder);

    /// <summary>
    /// Whether the file at <paramref name="path"/> (relative), in a folder that changed, is still the one the last build
    /// left: a file of <paramref name="length"/> bytes whose status has not changed since that build's commit ended. A
    /// file put in its place (even of the same size), or written to, since then has a later status change time.
    /// </summary>
    public bool Untouched(string path, long length)
    {
        var full = Path.Combine(Root, path);
        if (NativeStatus.Available)
        {
            try
            {
                return NativeStatus.Query(null, full, followLinks: false) is { IsRegularFile: true } status
                    && status.Size == length
                    && DateTime.UnixEpoch.AddTicks(status.ChangedNs / 100) < committedAtUtc;
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                // Asked again below, the portable way.
            }
        }

        // Without statx there is no status change time; the modification time is the nearest thing.
        var info = new FileInfo(full);
        return info.Exists && info.Length == length && info.LastWriteTimeUtc < committedAtUtc;
    }

    /// <summary>The folder part of a relative file path ("" for a file at the root).</summary>
    public static ReadOnlySpan<char> FolderOf(string file) => file.AsSpan(0, Math.Max(file.LastIndexOf('/'), 0));

    /// <summary>
    /// Surveys the folders of <paramref name="root"/> that held files of <paramref name="last"/>; null when the listing
    /// is of another folder, or the folder does not look as the listing left it.
    /// </summary>
    public static OutputFolderSurvey? Take(string root, OutputFolderSweep.OutputListing last)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        if (last.Folder != root)
        {
            return null;
        }

        var started = DateTime.UtcNow;
        var since = last.SweptAtUtc - ClockSlack;
        var folders = last.Folders;
        var changed = new ConcurrentBag<string>();
        var unexpected = 0;
        using var open = NativeStatus.Open(root);

        // Thousands of folders, each a query that mostly waits on the file system: side by side.
        Parallel.ForEach(folders.Prepend(string.Empty), (folder, loop) =>
        {
            switch (Look(root, open, folder, since))
            {
                case FolderState.Unchanged:
                    break;
                case FolderState.Changed:
                    changed.Add(folder);
                    break;
                default:
                    Volatile.Write(ref unexpected, 1);
                    loop.Stop();
                    break;
            }
        });
        if (unexpected != 0)
        {
            return null;
        }

        var surveyed = new HashSet<string>(folders, StringComparer.Ordinal) { string.Empty };
        return new OutputFolderSurvey(root, started, last.CommittedAtUtc, surveyed, [.. changed]);
    }

    private enum FolderState
    {
        Unchanged,
        Changed,
        NotAFolder,
    }

    private static FolderState Look(string root, NativeStatus.OpenFolder? open, string folder, DateTime since)
    {
        if (open is not null)
        {
            try
            {
                // The root is asked about by its full path, so a link standing for the whole output is seen as one.
                var status = folder.Length == 0 ? NativeStatus.Query(null, root, followLinks: false) : NativeStatus.Query(open, folder, followLinks: false);
                return status is { IsFolder: true }
                    ? (DateTime.UnixEpoch.AddTicks(status.Value.ModifiedNs / 100) >= since ? FolderState.Changed : FolderState.Unchanged)
                    : FolderState.NotAFolder;
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                // Asked again below, the portable way.
            }
        }

        var info = new DirectoryInfo(folder.Length == 0 ? root : Path.Combine(root, folder));
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return FolderState.NotAFolder;
        }

        return info.LastWriteTimeUtc >= since ? FolderState.Changed : FolderState.Unchanged;
    }
}
