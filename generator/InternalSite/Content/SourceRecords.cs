using InternalSite.Build.Incremental;

namespace InternalSite.Content;

/// <summary>
/// The stamp and content hash of each site file as the last build saw it, kept in the cache folder (<c>sources.bin</c>)
/// so the next build reads only the files whose stamp changed, as git's index and make do. A file's hash is a fact
/// about its bytes, so the table holds whatever the config or the rest of the cache is; a new tool version starts it
/// over, like every cache file.
/// </summary>
internal static class SourceRecords
{
    private const string FileName = "sources.bin";
    private const string Format = "InternalSite source stamps v1";

    /// <summary>
    /// How far the file system's clock may lag behind the system clock (the kernel stamps files from a coarse clock),
    /// and more than the coarsest timestamp a file system keeps (FAT: 2 s): files written that close to a build's start
    /// are read again by the next build. Nothing is written to find the file system's own time, so that a build that
    /// is refused (or has no cache yet) leaves the site folder as it was; a network share whose clock runs more than
    /// this behind this machine's is not covered.
    /// </summary>
    private const long ClockSlackNs = 10_000_000_000;

    internal readonly record struct Recorded(FileStamp Stamp, string Hash);

    /// <summary>
    /// A moment before a build looks at any file, on the files' clock: a file whose stamp is not older may still change
    /// without its stamp changing (<see cref="FileStamp.IsRacy"/>), so it is not recorded.
    /// </summary>
    public static long Moment() => FileStamp.ClockNow() - ClockSlackNs;

    /// <summary>The records the last build saved; empty when there are none (or they are from another tool version or damaged).</summary>
    public static Dictionary<string, Recorded> Load(string cacheFolder)
    {
        var records = new Dictionary<string, Recorded>(StringComparer.Ordinal);
        if (!CacheStream.TryRead(Path.Combine(cacheFolder, FileName), Format, r =>
            {
                var count = r.ReadInt32();
                records.EnsureCapacity(Math.Min(count, 1 << 20));
                for (var i = 0; i < count; i++)
                {
                    var path = r.ReadString();
                    var stamp = new FileStamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadUInt64(), r.ReadUInt64());
                    records[path] = new Recorded(stamp, r.ReadString());
                }
            }))
        {
            records.Clear();
        }

        return records;
    }

    /// <summary>
    /// Records every file of <paramref name="source"/> whose stamp and hash are known and whose stamp is older than the
    /// moment the build started looking at files; a file never hashed, or changed too recently, is read next time.
    /// </summary>
    public static void Save(string cacheFolder, SiteSource source)
    {
        if (source.LookedAtNs is not { } moment)
        {
            return;
        }

        var recorded = source.All.Where(f => f.Stamp is { } stamp && !stamp.IsRacy(moment) && f.HasContentHash).ToList();
        Directory.CreateDirectory(cacheFolder);
        CacheStream.Write(Path.Combine(cacheFolder, FileName), Format, w =>
        {
            w.Write(recorded.Count);
            foreach (var file in recorded)
            {
                var stamp = file.Stamp!.Value;
                w.Write(file.Path);
                w.Write(stamp.Size);
                w.Write(stamp.ModifiedNs);
                w.Write(stamp.ChangedNs);
                w.Write(stamp.Inode);
                w.Write(stamp.Device);
                w.Write(file.ContentHash);
            }
        });
    }
}
