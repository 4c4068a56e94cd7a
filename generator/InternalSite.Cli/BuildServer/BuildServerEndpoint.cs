using System.Security.Cryptography;
using System.Text;
using InternalSite.Build;

namespace InternalSite.Cli.BuildServer;

/// <summary>
/// Where the build server of one site listens: a Unix domain socket in a folder only this user can enter, named by
/// the site's folder and the tool's build, so a client never talks to a server of another site or another version
/// (an old server is simply left to stop when idle). The site's build lock is there too, outside the site, so a build
/// that is refused leaves the site folder as it was.
/// </summary>
internal sealed record BuildServerEndpoint(string SocketPath, string LogPath)
{
    public static BuildServerEndpoint For(string siteRoot)
    {
        var folder = PrivateFolder();
        var name = QuickName(Path.GetFullPath(siteRoot) + "\n" + typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        return new BuildServerEndpoint(Path.Combine(folder, name + ".sock"), Path.Combine(folder, name + ".log"));
    }

    /// <summary>The lock file that lets one build of the site run at a time, whichever version of the tool runs it.</summary>
    public static string LockPath(string siteRoot) => Path.Combine(PrivateFolder(), LockName(Path.GetFullPath(siteRoot)) + ".lock");

    /// <summary>As <see cref="LockPath"/>; null when there is no private folder to put it in (another user owns it).</summary>
    public static string? LockPathOrNull(string siteRoot)
    {
        try
        {
            return LockPath(siteRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The name earlier versions of the tool gave the lock, so they and this one still take the same lock.</summary>
    private static string LockName(string identity) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];

    /// <summary>
    /// A 64-bit FNV-1a hash of the identity, for the socket's name: every build's client computes it, and the first
    /// SHA-256 of a process costs it about 15 ms of loading the crypto library. A collision is harmless: a server checks
    /// the site it is asked to build is its own, and otherwise declines (the client then builds in its own process).
    /// </summary>
    private static string QuickName(string identity)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in identity)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The per-user folder for sockets and logs, made private (0700) so no other user can connect.</summary>
    private static string PrivateFolder()
    {
        var user = Environment.UserName is { Length: > 0 } name ? name : "user";
        var folder = Path.Combine(Path.GetTempPath(), "internalsite-" + user);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }
}
