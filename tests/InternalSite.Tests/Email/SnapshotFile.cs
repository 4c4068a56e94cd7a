using System.Text;

namespace InternalSite.Tests.Email;

/// <summary>
/// Compares exported bytes with a committed snapshot, or rewrites the snapshot when UPDATE_SNAPSHOTS=1, so an
/// intended change is reviewed as a diff of the snapshot files.
/// </summary>
internal static class SnapshotFile
{
    public static void AssertMatches(string path, byte[] actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"no snapshot {path}: run with UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            var context = Encoding.UTF8.GetString(actual, Math.Max(0, at - 80), Math.Min(160, actual.Length - Math.Max(0, at - 80)));
            Assert.Fail($"{path} differs from the export at byte {at} (expected {expected.Length} bytes, got {actual.Length}); near: {context}\n" +
                        "If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.");
        }
    }
}
