using InternalSite.Cli;

namespace InternalSite.Tests.Cli;

/// <summary>The lock that lets one build of a site run at a time, across processes (here: across open files of one process).</summary>
public sealed class SiteBuildLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lock-").FullName;

    private string LockFile => Path.Combine(folder, "site.lock");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_second_build_waits_until_the_first_lets_go()
    {
        var first = SiteBuildLock.AcquireFile(LockFile);
        using var told = new ManualResetEventSlim();
        var second = Task.Run(() => SiteBuildLock.AcquireFile(LockFile, told.Set));

        Assert.True(told.Wait(TimeSpan.FromSeconds(10)), "the second build was not told it waits");
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the second build did not wait");
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public void Letting_go_leaves_no_lock_file_behind_on_linux()
    {
        using (SiteBuildLock.AcquireFile(LockFile))
        {
            Assert.True(File.Exists(LockFile));
        }

        Assert.Equal(!OperatingSystem.IsLinux(), File.Exists(LockFile));
        SiteBuildLock.AcquireFile(LockFile).Dispose();
    }

    [Fact]
    public void A_lock_file_deleted_or_replaced_after_it_was_opened_is_no_longer_the_lock()
    {
        using var opened = new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.True(SiteBuildLock.IsStillAt(opened, LockFile));

        // As when the holder before lets go between this open and this lock: the file opened is gone...
        File.Delete(LockFile);
        Assert.False(SiteBuildLock.IsStillAt(opened, LockFile));

        // ...and a later build may already have made a new one at the path.
        File.WriteAllText(LockFile, string.Empty);
        Assert.False(SiteBuildLock.IsStillAt(opened, LockFile));
    }

    /// <summary>
    /// Many builds of one site taking turns. (The moment that makes the check above necessary, a holder deleting the file
    /// between another's open and lock, is too short to provoke here; the test above checks the check itself.)
    /// </summary>
    [Fact]
    public async Task Builds_taking_and_letting_go_of_the_lock_side_by_side_never_hold_it_together()
    {
        var holders = 0;
        var most = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 150; i++)
            {
                using (SiteBuildLock.AcquireFile(LockFile))
                {
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref most, now);
                    Thread.SpinWait(2000);
                    Interlocked.Decrement(ref holders);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
