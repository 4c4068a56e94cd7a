using System.Runtime.InteropServices;
using InternalSite.Build.Incremental;

namespace InternalSite.Build;

/// <summary>
/// Writes a build into a staging folder beside the output folder and swaps it in only when the build succeeded, so a
/// failed build never leaves a half-written site. A file whose bytes did not change is hard-linked from the last
/// output instead of written, so its timestamp (and any server's cache of it) stays as it was.
/// </summary>
public sealed partial class StagedDirectorySink : IReusingOutputSink, IDisposable
{
    private readonly string output;
    private readonly string staging;
    private int written;
    private int unchanged;
    private bool finished;

    public StagedDirectorySink(string outputFolder)
    {
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
        var target = Path.Combine(staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var previous = Path.Combine(output, path);
        if (SameBytes(previous, bytes) && TryHardLink(previous, target))
        {
            Interlocked.Increment(ref unchanged);
            return;
        }

        File.WriteAllBytes(target, bytes);
        Interlocked.Increment(ref written);
    }

    public string OutputIdentity => output;

    /// <summary>Hard-links the last output's file into the staged build, unread, when it still has the size it was built with.</summary>
    public bool TryKeep(string path, long length)
    {
        var previous = Path.Combine(output, path);
        var info = new FileInfo(previous);
        if (!info.Exists || info.Length != length)
        {
            return false;
        }

        var target = Path.Combine(staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!TryHardLink(previous, target))
        {
            return false;
        }

        Interlocked.Increment(ref unchanged);
        return true;
    }

    /// <summary>Puts the staged build in place of the output folder.</summary>
    public void Commit()
    {
        finished = true;
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Environment.ProcessId}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        TryDelete(old);
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

    private static bool TryHardLink(string existing, string link)
    {
        try
        {
            return OperatingSystem.IsWindows() ? false : Link(existing, link) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
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

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string newPath);
}
