using InternalSite.Build.Incremental;

namespace InternalSite.Build;

/// <summary>
/// Writes a build into a staging folder beside the output folder and brings it into the output folder only when the
/// build succeeded, so a failed build never touches the last good site. Only new and changed files are staged; a
/// file whose bytes did not change (or that an incremental build kept) is left in the output folder as it is, so its
/// timestamp (and any server's cache of it) stays, and a build that changes a few files does a few file operations,
/// not one per file of the site. On commit, staged files replace their old versions and files the build no longer
/// emits are deleted; a first build simply moves the staging folder into place.
/// </summary>
public sealed class StagedDirectorySink : IReusingOutputSink, IDisposable
{
    private readonly string output;
    private readonly string staging;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> emitted;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> staged = [];
    private Task<OutputFolderSurvey?>? survey;
    private int written;
    private int unchanged;
    private bool finished;

    /// <param name="outputFolder">The folder the build replaces.</param>
    /// <param name="expectedFiles">About how many files the build will emit (the last build's count), to size the bookkeeping once.</param>
    public StagedDirectorySink(string outputFolder, int expectedFiles = 0)
    {
        // Sized up front: growing a concurrent dictionary locks it, and every output writes here.
        emitted = new(Environment.ProcessorCount, Math.Max(expectedFiles, 31), StringComparer.Ordinal);
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.staging-*").Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*")))
        {
            TryDelete(stale);
        }

        staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
    }

    /// <summary>Files whose bytes were new or changed.</summary>
    public int Written => written;

    /// <summary>Files identical to the last output, kept as they were.</summary>
    public int Unchanged => unchanged;

    public void Write(string path, byte[] bytes)
    {
        emitted[path] = 0;
        if (SameBytes(Path.Combine(output, path), bytes))
        {
            Interlocked.Increment(ref unchanged);
            return;
        }

        var target = Path.Combine(staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        staged.Add(path);
        Interlocked.Increment(ref written);
    }

    public string OutputIdentity => output;

    /// <summary>
    /// Begins surveying the output folder's folders against what the last build left there (<paramref name="last"/>), in
    /// the background while the build reads the site: a file the last build left in a folder that has not changed since
    /// is then kept without a question to the file system about it, and the commit sweeps only the changed folders.
    /// </summary>
    internal void BeginSurvey(OutputFolderSweep.OutputListing last) =>
        survey = last.Folder == output ? Task.Run(() => OutputFolderSurvey.Take(output, last)) : null;

    /// <summary>
    /// Keeps the last output's file, unread, when it is still there as the last build left it: in a folder the survey
    /// found unchanged, or untouched since in one it found changed; without a survey, when it still has the size it
    /// was built with.
    /// </summary>
    public bool TryKeep(string path, long length)
    {
        var kept = SurveyIfTaken() is { } survey
            ? survey.Unchanged(OutputFolderSurvey.FolderOf(path)) || survey.Untouched(path, length)
            : new FileInfo(Path.Combine(output, path)) is { Exists: true } info && info.Length == length;
        if (!kept)
        {
            return false;
        }

        emitted[path] = 0;
        Interlocked.Increment(ref unchanged);
        return true;
    }

    /// <summary>Puts the staged build in place of the output folder.</summary>
    public void Commit() => Commit(null);

    /// <summary>
    /// Puts the staged build in place of the output folder; returns what the folder then holds. Given what it held after
    /// the last commit (<paramref name="last"/>), only the folders that changed since are listed for stray files.
    /// </summary>
    internal OutputFolderSweep.OutputListing Commit(OutputFolderSweep.OutputListing? last)
    {
        finished = true;
        if (!Directory.Exists(output))
        {
            var started = DateTime.UtcNow;
            Directory.Move(staging, output);
            return OutputFolderSweep.OutputListing.Of(output, started, [.. emitted.Keys]) with { CommittedAtUtc = DateTime.UtcNow };
        }

        foreach (var path in staged)
        {
            var target = Path.Combine(output, path);
            MakeRoomFor(target);
            File.Move(Path.Combine(staging, path), target, overwrite: true);
        }

        var emittedPaths = emitted.GetAlternateLookup<ReadOnlySpan<char>>();
        // A survey begun that came to nothing found the folder not as the listing left it: the sweep walks it all
        // rather than survey it again.
        var taken = SurveyIfTaken();
        var listingToGoBy = survey is not null && taken is null ? null : last;
        var listing = OutputFolderSweep.Run(output, [.. emitted.Keys], path => emittedPaths.ContainsKey(path), listingToGoBy, taken);
        TryDelete(staging);
        return listing with { CommittedAtUtc = DateTime.UtcNow };
    }

    private OutputFolderSurvey? SurveyIfTaken()
    {
        try
        {
            return survey?.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Every kept file is then asked about, and the sweep walks the whole folder.
            return null;
        }
    }

    /// <summary>A file's folder may be a file in the old output (or the file a folder): the new build wins.</summary>
    private void MakeRoomFor(string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        for (var folder = Path.GetDirectoryName(target)!; folder.Length > output.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (File.Exists(folder))
            {
                File.Delete(folder);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    }

    /// <summary>Throws the staged build away; the last good output stays untouched.</summary>
    public void Abort()
    {
        finished = true;
        TryDelete(staging);
    }

    public void Dispose()
    {
        if (!finished)
        {
            Abort();
        }
    }

    private static bool SameBytes(string path, byte[] bytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != bytes.Length)
            {
                return false;
            }

            return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
