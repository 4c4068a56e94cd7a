using System.Globalization;
using System.Net.Sockets;
using InternalSite.Build;
using InternalSite.Build.Incremental;

namespace InternalSite.Cli.BuildServer;

/// <summary>
/// The build server: a process that keeps one site's last build in memory (parsed pages, rendered markdown, what every
/// output read) so the next <c>build</c> starts from it instead of loading the cache file, and that has its code
/// compiled and warm. Builds run one at a time, in the order clients connect. The cache on disk stays the truth: it
/// is written after every build, and the server drops what it holds when another process wrote the cache since.
/// </summary>
internal sealed class BuildServerHost
{
    private readonly string siteRoot;
    private readonly BuildServerEndpoint endpoint;
    private readonly TimeSpan idleTimeout;
    private IncrementalState? state;
    private CacheStamp? savedStamp;

    private BuildServerHost(string siteRoot, BuildServerEndpoint endpoint, TimeSpan idleTimeout)
    {
        this.siteRoot = siteRoot;
        this.endpoint = endpoint;
        this.idleTimeout = idleTimeout;
    }

    /// <summary>Default idle time before the server stops; <c>INTERNALSITE_BUILD_SERVER_IDLE_SECONDS</c> changes it.</summary>
    public static TimeSpan IdleTimeout =>
        int.TryParse(Environment.GetEnvironmentVariable("INTERNALSITE_BUILD_SERVER_IDLE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(10);

    /// <summary>Serves until idle for <see cref="IdleTimeout"/> or asked to stop; returns at once if another server already listens.</summary>
    public static int Run(string siteRoot)
    {
        var endpoint = BuildServerEndpoint.For(siteRoot);
        using var listener = Listen(endpoint.SocketPath);
        if (listener is null)
        {
            return ExitCodes.Success;
        }

        try
        {
            new BuildServerHost(Path.GetFullPath(siteRoot), endpoint, IdleTimeout).Serve(listener);
        }
        finally
        {
            TryDelete(endpoint.SocketPath);
        }

        return ExitCodes.Success;
    }

    private void Serve(Socket listener)
    {
        Log("listening");
        while (true)
        {
            var accepting = listener.AcceptAsync();
            if (!accepting.Wait(idleTimeout))
            {
                Log("idle, stopping");
                return;
            }

            using var connection = accepting.Result;
            // A client that connects and then says nothing must not hold up the next one for long.
            connection.ReceiveTimeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
            try
            {
                if (!Handle(connection))
                {
                    Log("asked to stop");
                    return;
                }
            }
            catch (IOException e)
            {
                Log("a client went away: " + e.Message);
            }
        }
    }

    /// <summary>Answers one client; false when it asked the server to stop.</summary>
    private bool Handle(Socket connection)
    {
        using var stream = new NetworkStream(connection);
        var request = WireFormat.Receive(stream, BuildServerRequest.Read);
        if (request is null || request.Command == "stop")
        {
            return request is null;
        }

        if (!string.Equals(Path.GetFullPath(request.Site), siteRoot, StringComparison.Ordinal))
        {
            WireFormat.Send(stream, new BuildServerResponse { Failure = "this server builds another site" }.Write);
            return true;
        }

        var cacheFolder = IncrementalState.DefaultFolder(siteRoot);
        using var exclusive = SiteBuildLock.Acquire(siteRoot);
        BuildServerResponse response;
        var finishCacheSave = () => { };
        try
        {
            var (result, gc) = Build(request, cacheFolder);
            finishCacheSave = result.FinishCacheSave;
            response = BuildServerResponse.From(result, gc, request.Output ?? SiteBuilder.ResolveOutputFolder(siteRoot, null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of the tool: forget what this server holds (it may be half updated); the client builds in its own
            // process, which reports the problem the usual way.
            state = null;
            Log($"build failed: {e}");
            response = new BuildServerResponse { Failure = e.GetType().Name + ": " + e.Message };
        }

        try
        {
            WireFormat.Send(stream, response.Write);
        }
        catch (IOException)
        {
            // The client went away (Ctrl+C); the build itself is done and its output committed.
        }

        // The client has its answer (the output is in place): the cache file is finished now, still under the site's
        // lock, so a build in another process waits for it rather than finding none (measured: about 0.2 s of the
        // answer's wait on the 10k corpus). If this process dies first, the next build is a full one, as after a crash.
        try
        {
            finishCacheSave();
            savedStamp = CacheStamp.Of(cacheFolder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state = null;
            Log($"saving the cache failed: {e}");
        }

        // Then collect the build's garbage, while the writer reads the result, instead of in the middle of the next
        // build (measured: median 1.21 → 1.12 s per edited note on the 10k corpus, and the memory an idle server holds
        // shrinks to what it keeps).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        return true;
    }

    private (BuildResult Result, string GarbageCollection) Build(BuildServerRequest request, string cacheFolder)
    {
        // What this server holds describes the last output only if nobody else has built since: their build rewrote
        // the cache (or deleted it), so its stamp is no longer the one this server's save left.
        if (state is null || savedStamp is null || CacheStamp.Of(cacheFolder) != savedStamp)
        {
            state = CacheFile.Load(cacheFolder);
        }

        var collector = GarbageCollectionTally.Now();
        // The build saves the cache as a build in its own process does (the old main file discarded before the output
        // commit, the new one put in place after it); this server then knows the stamp its save left.
        var options = request.ToOptions() with { Incremental = state, CacheFolder = cacheFolder, DeferCacheSave = true };
        var result = SiteBuilder.BuildToFolder(siteRoot, request.Output, options);
        savedStamp = CacheStamp.Of(cacheFolder);
        var gc = GarbageCollectionTally.Now().Describe("garbage collection (build server)", collector);
        Log($"built: {result.Statistics.Elapsed.TotalMilliseconds:0} ms, {result.Diagnostics.Count(d => d.IsError)} error(s)");
        return (result, gc);
    }

    /// <summary>Binds the socket, or returns null when a live server already holds it (a stale socket file is replaced).</summary>
    private static Socket? Listen(string socketPath)
    {
        if (File.Exists(socketPath))
        {
            if (BuildServerClient.IsListening(socketPath))
            {
                return null;
            }

            TryDelete(socketPath);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(16);
            return listener;
        }
        catch (SocketException)
        {
            // Another server started at the same moment and won.
            listener.Dispose();
            return null;
        }
    }

    private void Log(string message)
    {
        try
        {
            File.AppendAllText(endpoint.LogPath, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} [{Environment.ProcessId}] {siteRoot}: {message}\n"));
        }
        catch (IOException)
        {
            // The log is for diagnosing the server; not being able to write it must not stop a build.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
