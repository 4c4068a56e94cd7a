using System.IO.Enumeration;
using System.Text;

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
    /// root, '/'-separated) and every folder that holds none of them; returns what the folder then holds, for the next
    /// sweep. Given the last sweep's listing of this folder, only folders whose entries changed since (see
    /// <see cref="OutputFolderSurvey"/>; <paramref name="survey"/> when the build took one already) and folders new to
    /// this build are listed, and the files the last build emitted and this one does not are deleted by name. Without a
    /// listing, or when the folder does not look as the listing left it, the whole folder is walked.
    /// </summary>
    public static OutputListing Run(string root, IReadOnlyList<string> emitted, Func<ReadOnlySpan<char>, bool> isEmitted, OutputListing? last = null, OutputFolderSurvey? survey = null)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        var started = DateTime.UtcNow;
        var sweep = new OutputFolderSweep(root, emitted, isEmitted);
        if (last is not null && survey?.Root != root)
        {
            survey = OutputFolderSurvey.Take(root, last);
        }

        if (last is null || survey is null)
        {
            foreach (var (full, isFolder) in sweep.Unwanted().ToList())
            {
                Delete(full, isFolder);
            }

            return OutputListing.Of(root, started, emitted);
        }

        // Whatever changes after the survey began is the next survey's to find.
        if (sweep.SweepChanged(last, survey) && last.Count == emitted.Count)
        {
            // The same files as last time (every one of them emitted again, and no more): the listing is the last one.
            return last with { SweptAtUtc = survey.StartedAtUtc };
        }

        return OutputListing.Of(root, survey.StartedAtUtc, emitted);
    }

    /// <summary>Sweeps the folders the survey found changed and those new to this build; true when every file of the last listing was emitted again.</summary>
    private bool SweepChanged(OutputListing last, OutputFolderSurvey survey)
    {
        var lastAllEmitted = true;
        // A folder this build does not keep is deleted whole below, with the last file of it that is no longer emitted.
        var toList = survey.Changed.Where(folder => folder.Length == 0 || folders.Set.Contains(folder))
            .Concat(folders.Set.Where(folder => !survey.Surveyed(folder)))
            .Select(folder => folder.Length == 0 ? root : Path.Combine(root, folder))
            .Distinct(StringComparer.Ordinal);
        var unwanted = toList.SelectMany(Unwanted).ToList();
        foreach (var (full, isFolder) in unwanted)
        {
            Delete(full, isFolder);
        }

        // The last listing's files are looked up without a string each; only those no longer emitted get one.
        var encoded = last.EncodedFiles.AsSpan();
        var decoded = new char[256];
        while (!encoded.IsEmpty)
        {
            var end = encoded.IndexOf((byte)0);
            var file = encoded[..end];
            encoded = encoded[(end + 1)..];
            if (decoded.Length < file.Length)
            {
                decoded = new char[file.Length * 2];
            }

            var name = decoded.AsSpan(0, Encoding.UTF8.GetChars(file, decoded));
            if (!isEmitted(name))
            {
                lastAllEmitted = false;
                DeleteNoLongerEmitted(name.ToString());
            }
        }

        return lastAllEmitted;
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

    /// <summary>
    /// What an output folder held after a sweep, and when that sweep began. The files (relative, in ordinal order) are
    /// kept as UTF-8, each ended by a zero byte, as the cache file holds them: a large site has tens of thousands, and
    /// a build whose set of files is unchanged then neither decodes, sorts nor encodes them.
    /// </summary>
    internal sealed record OutputListing
    {
        public OutputListing(string folder, DateTime sweptAtUtc, int count, byte[] encodedFiles)
        {
            if (count < 0 || encodedFiles.AsSpan().Count((byte)0) != count || (encodedFiles.Length > 0 && encodedFiles[^1] != 0))
            {
                throw new FormatException("an output listing's files do not match their count");
            }

            Folder = folder;
            SweptAtUtc = sweptAtUtc;
            Count = count;
            EncodedFiles = encodedFiles;
        }

        public string Folder { get; }

        public DateTime SweptAtUtc { get; init; }

        /// <summary>
        /// When the commit that left these files ended: a file whose status changed later was put there or written to
        /// by something else (see <see cref="OutputFolderSurvey.Untouched"/>). Until a commit sets it, the sweep's time.
        /// </summary>
        public DateTime CommittedAtUtc
        {
            get => committedAtUtc ?? SweptAtUtc;
            init => committedAtUtc = value;
        }

        private DateTime? committedAtUtc;

        public int Count { get; }

        public byte[] EncodedFiles { get; }

        public IEnumerable<string> Files => Encoding.UTF8.GetString(EncodedFiles).Split('\0', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Every folder holding one of the files at any depth (made once, and shared by the copies <c>with</c> makes).</summary>
        public IReadOnlyCollection<string> Folders => folders ??= FoldersHolding(Files);

        private HashSet<string>? folders;

        public static OutputListing Of(string folder, DateTime sweptAtUtc, IReadOnlyCollection<string> files)
        {
            var encoded = new MemoryStream();
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                encoded.Write(Encoding.UTF8.GetBytes(file));
                encoded.WriteByte(0);
            }

            return new OutputListing(folder, sweptAtUtc, files.Count, encoded.ToArray());
        }
    }

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
