using System.Collections.Concurrent;

namespace InternalSite.Build.Incremental;

/// <summary>
/// An in-memory output that starts from the last good snapshot: unchanged files are carried over by reference.
/// <c>serve</c> serves <see cref="Files"/> once a build succeeds; tests compare it with a full build.
/// </summary>
public sealed class SnapshotOutputSink(IReadOnlyDictionary<string, byte[]>? previous, string identity = "memory") : IReusingOutputSink
{
    // Sized for the last build's files up front: growing a concurrent dictionary locks it, and every output writes here.
    private readonly ConcurrentDictionary<string, byte[]> files = new(Environment.ProcessorCount, previous?.Count ?? 31, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => files;

    public string OutputIdentity { get; } = identity;

    public void Write(string path, byte[] bytes) => files[path] = bytes;

    public bool TryKeep(string path, long length)
    {
        if (previous is null || !previous.TryGetValue(path, out var bytes) || bytes.LongLength != length)
        {
            return false;
        }

        files[path] = bytes;
        return true;
    }
}
