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
    /// root, '/'-separated) and every folder that holds none of them.
    /// </summary>
    public static void Run(string root, IEnumerable<string> emitted, Func<ReadOnlySpan<char>, bool> isEmitted)
    {
        var sweep = new OutputFolderSweep(Path.TrimEndingDirectorySeparator(root), emitted, isEmitted);
        foreach (var (full, isFolder) in sweep.Unwanted().ToList())
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

    private FileSystemEnumerable<(string Full, bool IsFolder)> Unwanted()
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        return new FileSystemEnumerable<(string, bool)>(root, (ref FileSystemEntry entry) => (entry.ToFullPath(), IsRealFolder(ref entry)), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory ? !IsKeptFolder(ref entry) : !isEmitted(Relative(ref entry)),
            ShouldRecursePredicate = IsKeptFolder,
        };
    }

    private bool IsKeptFolder(ref FileSystemEntry entry) => folders.Contains(Relative(ref entry)) && IsRealFolder(ref entry);

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
