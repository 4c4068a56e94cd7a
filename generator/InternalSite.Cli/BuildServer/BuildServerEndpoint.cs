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
        var name = Name(Path.GetFullPath(siteRoot) + "\n" + typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        return new BuildServerEndpoint(Path.Combine(folder, name + ".sock"), Path.Combine(folder, name + ".log"));
    }

    /// <summary>The lock file that lets one build of the site run at a time, whichever version of the tool runs it.</summary>
    public static string LockPath(string siteRoot) => Path.Combine(PrivateFolder(), Name(Path.GetFullPath(siteRoot)) + ".lock");

    private static string Name(string identity) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];

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
