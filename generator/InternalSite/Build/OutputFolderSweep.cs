using System.IO.Enumeration;

namespace InternalSite.Build;

/// <summary>
/// Deletes from an output folder what a build did not emit: stray files, and folders that hold no emitted file (with
/// everything in them). On a large site this is most of an incremental build's commit, so it walks the folder in one
/// enumeration, never descends into a folder it deletes whole, builds no string for an entry it keeps, and asks the
/// file system about an entry (beyond the folder listing) only for folders, to tell a link from a real folder: a link
/// is deleted as a link and never walked, since what it points to is not the output's.
/// </summary>
internal sealed class OutputFolderSweep
{
    private readonly string root;
    // Timestamps of files may be coarser than the clock (whole seconds on some file systems), and a little early.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(5);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> folders;
    private readonly Func<ReadOnlySpan<char>, bool> isEmitted;
    private char[] path = new char[256];

    private OutputFolderSweep(string root, IEnumerable<string> emitted, Func<ReadOnlySpan<char>, bool> isEmitted)
    {
        this.root = root;
        this.isEmitted = isEmitted;
        folders = FoldersHolding(emitted).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Deletes under <paramref name="root"/> every file that is not in <paramref name="emitted"/> (paths relative to the
    /// root, '/'-separated) and every folder that holds none of them; returns what the folder then holds, for the next
    /// sweep. Given the last sweep's listing of this folder, only folders whose entries changed since (their modification
    /// time is later) are listed, and the files the last build emitted and this one does not are deleted by name: a new
    /// entry (a file someone put there, or one of this build's) always changes its folder's time. Without a listing, or
    /// when a link stands where a folder belongs, the whole folder is walked.
    /// </summary>
    public static OutputListing Run(string root, IReadOnlyList<string> emitted, Func<ReadOnlySpan<char>, bool> isEmitted, OutputListing? last = null)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        var started = DateTime.UtcNow;
        var sweep = new OutputFolderSweep(root, emitted, isEmitted);
        if (last is null || last.Folder != root || !sweep.TrySweepChangedSince(last))
        {
            foreach (var (full, isFolder) in sweep.Unwanted().ToList())
            {
                Delete(full, isFolder);
            }
        }

        return new OutputListing(root, started, [.. emitted.Order(StringComparer.Ordinal)]);
    }

    /// <summary>False, having deleted nothing, when the folder does not look as a quick sweep expects (the caller walks it all).</summary>
    private bool TrySweepChangedSince(OutputListing last)
    {
        var since = last.SweptAtUtc - ClockSlack;
        var changed = new List<string>();
        foreach (var folder in folders.Set.Prepend(string.Empty))
        {
            var full = folder.Length == 0 ? root : Path.Combine(root, folder);
            var info = new DirectoryInfo(full);
            if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                return false;
            }

            if (info.LastWriteTimeUtc >= since)
            {
                changed.Add(full);
            }
        }

        var unwanted = changed.SelectMany(Unwanted).ToList();
        foreach (var (full, isFolder) in unwanted)
        {
            Delete(full, isFolder);
        }

        foreach (var file in last.Files)
        {
            if (!isEmitted(file))
            {
                DeleteNoLongerEmitted(file);
            }
        }

        return true;
    }

    /// <summary>A file of the last build that this one did not emit, and the folders above it that now hold no emitted file.</summary>
    private void DeleteNoLongerEmitted(string file)
    {
        var full = Path.Combine(root, file);
        if (File.Exists(full))
        {
            File.Delete(full);
        }

        string? unneeded = null;
        for (var end = file.LastIndexOf('/'); end > 0 && !folders.Contains(file.AsSpan(0, end)); end = file.LastIndexOf('/', end - 1))
        {
            unneeded = file[..end];
        }

        if (unneeded is not null && new DirectoryInfo(Path.Combine(root, unneeded)) is { Exists: true } folder)
        {
            Delete(folder.FullName, (folder.Attributes & FileAttributes.ReparsePoint) == 0);
        }
    }

    private static void Delete(string full, bool isFolder)
    {
        if (isFolder)
        {
            Directory.Delete(full, recursive: true);
        }
        else
        {
            File.Delete(full);
        }
    }

    /// <summary>Every folder, relative to the root, that holds an emitted file at any depth.</summary>
    internal static HashSet<string> FoldersHolding(IEnumerable<string> emitted)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var known = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var file in emitted)
        {
            // From the deepest folder up: once one is known, so are all above it.
            for (var end = file.LastIndexOf('/'); end > 0 && !known.Contains(file.AsSpan(0, end)); end = file.LastIndexOf('/', end - 1))
            {
                folders.Add(file[..end]);
            }
        }

        return folders;
    }

    /// <summary>The unwanted entries of one folder, not of those below it.</summary>
    private FileSystemEnumerable<(string Full, bool IsFolder)> Unwanted(string folder) => Unwanted(folder, recurse: false);

    private FileSystemEnumerable<(string Full, bool IsFolder)> Unwanted() => Unwanted(root, recurse: true);

    private FileSystemEnumerable<(string Full, bool IsFolder)> Unwanted(string folder, bool recurse)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recurse,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        return new FileSystemEnumerable<(string, bool)>(folder, (ref FileSystemEntry entry) => (entry.ToFullPath(), IsRealFolder(ref entry)), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory ? !IsKeptFolder(ref entry) : !isEmitted(Relative(ref entry)),
            ShouldRecursePredicate = IsKeptFolder,
        };
    }

    private bool IsKeptFolder(ref FileSystemEntry entry) => folders.Contains(Relative(ref entry)) && IsRealFolder(ref entry);

    /// <summary>What an output folder held after a sweep (its files, relative), and when that sweep began.</summary>
    internal sealed record OutputListing(string Folder, DateTime SweptAtUtc, string[] Files);

    /// <summary>A link to a folder counts as a file: deleted as a link, never walked.</summary>
    private static bool IsRealFolder(ref FileSystemEntry entry) =>
        entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    /// <summary>The entry's path relative to the root, '/'-separated, in a buffer reused from entry to entry.</summary>
    private ReadOnlySpan<char> Relative(ref FileSystemEntry entry)
    {
        var folder = entry.Directory[root.Length..].TrimStart(Path.DirectorySeparatorChar);
        var name = entry.FileName;
        var length = folder.Length + name.Length + (folder.Length > 0 ? 1 : 0);
        if (path.Length < length)
        {
            path = new char[length * 2];
        }

        folder.CopyTo(path);
        var at = folder.Length;
        if (at > 0)
        {
            path[at++] = '/';
        }

        name.CopyTo(path.AsSpan(at));
        var relative = path.AsSpan(0, length);
        if (Path.DirectorySeparatorChar != '/')
        {
            relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        return relative;
    }
}
