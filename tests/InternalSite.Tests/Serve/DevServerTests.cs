using System.Net;
using System.Net.Sockets;
using System.Text;
using InternalSite.Build;
using InternalSite.Cli.Serve;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Serve;

/// <summary>The preview server over a real site folder: what it serves, what it refuses, and what it tells open tabs.</summary>
public sealed class DevServerTests : IAsyncLifetime
{
    private readonly TempSite files = new();
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private PreviewHost host = null!;

    public async Task InitializeAsync()
    {
        host = await PreviewHost.StartAsync(files.Root, IPAddress.Loopback, 0, new BuildOptions { Now = TestSite.Now });
        Assert.True(host.FirstBuild.Succeeded, string.Join("\n", host.FirstBuild.Diagnostics));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        http.Dispose();
        files.Dispose();
    }

    [Theory]
    [InlineData("/tools/../secret.txt")]
    [InlineData("/tools/../../secret.txt")]
    [InlineData("/tools/%2e%2e/secret.txt")]
    [InlineData("/tools/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/tools/..%2fsecret.txt")]
    [InlineData("/tools/..%5csecret.txt")]
    [InlineData("/tools/..\\secret.txt")]
    [InlineData("/tools/%2e%2e%5c%2e%2e%5csecret.txt")]
    [InlineData("/secret.txt")]
    [InlineData("/tools/secret.txt")]
    [InlineData("/tools/site.config.yml")]
    [InlineData("/tools/content/index.md")]
    [InlineData("/../../../../etc/passwd")]
    public async Task The_server_refuses_paths_outside_the_site(string rawPath)
    {
        var (status, body) = await RawGetAsync(rawPath);

        Assert.True(status is 400 or 404, $"{rawPath} answered {status}");
        Assert.DoesNotContain(TempSite.Secret, body);
        Assert.DoesNotContain("root:x:0:0", body);
        Assert.DoesNotContain("baseUrl:", body);
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_event_streams_at_once()
    {
        using var events = await OpenEventsAsync();
        Assert.Equal("ok", (await events.NextAsync()).Name);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();

        // The host's own shutdown timeout is many seconds; an open tab must not hold the process that long.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {clock.Elapsed.TotalSeconds:0.0} s with a tab open");
    }

    [Fact]
    public async Task Served_pages_carry_the_reload_script_and_built_files_do_not()
    {
        var html = await http.GetStringAsync(host.Server.SiteUrl);

        Assert.Contains(DevServer.ReloadScriptTag, html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("__internalsite", Encoding.UTF8.GetString(host.Site.Files["index.html"]));
        var script = await http.GetAsync(host.Server.Url + DevServer.Prefix + "reload.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_loopback_addresses_are_accepted()
    {
        var site = new PreviewSite(new LiveSource(files.Root), new BuildOptions { Now = TestSite.Now });
        await Assert.ThrowsAsync<ArgumentException>(() => DevServer.StartAsync(site, IPAddress.Any, 0));
    }

    [Fact]
    public async Task A_saved_file_reaches_open_tabs_as_a_reload_and_an_error_as_an_overlay_event()
    {
        using var events = await OpenEventsAsync();
        Assert.Equal("ok", (await events.NextAsync()).Name);

        files.Edit(Incremental.SampleSite.AtlasRelease, "Faster tiles.", "Tiles twice as fast.");
        var reload = await events.NextAsync();
        Assert.Equal("reload", reload.Name);
        Assert.Contains("/tools/products/atlas/releases/2.0.0/", reload.Data);
        Assert.Contains("Tiles twice as fast.", await http.GetStringAsync(host.Server.SiteUrl + "products/atlas/releases/2.0.0/"));
        await WaitForGenerationAsync(2);

        files.Edit(Incremental.SampleSite.AtlasRelease, "Tiles twice as fast.", "Tiles [fast](nowhere.md).");
        var errors = await events.NextAsync(name => name == "errors");
        Assert.Contains("content/products/atlas/releases/2.0.0.md", errors.Data);
        Assert.Contains("\"line\":7,\"column\":7", errors.Data);
        Assert.Contains("Tiles twice as fast.", await http.GetStringAsync(host.Server.SiteUrl + "products/atlas/releases/2.0.0/"));

        files.Edit(Incremental.SampleSite.AtlasRelease, "Tiles [fast](nowhere.md).", "Tiles fixed.");
        Assert.Equal("reload", (await events.NextAsync()).Name);
        await WaitForGenerationAsync(4);
        Assert.Empty(host.Site.Errors);
    }

    [Fact]
    public async Task The_saved_page_is_served_before_the_rest_of_the_rebuild_and_not_reloaded_twice()
    {
        const string page = "products/atlas/releases/2.0.0/index.html";
        var shown = new List<(PreviewFirstPages First, byte[] Bytes)>();
        var updates = new List<(PreviewUpdate Update, int ShownBefore)>();
        host.Site.FirstPagesShown += first => shown.Add((first, host.Site.Files[page]));
        host.Site.Updated += update => updates.Add((update, shown.Count));

        files.Edit(Incremental.SampleSite.AtlasRelease, "Faster tiles.", "Tiles twice as fast.");
        await WaitForAsync(() => updates.Count > 0);

        var (first, early) = Assert.Single(shown);
        Assert.Equal([page], first.Files);
        Assert.True(first.FromLastModel, "a body edit is drawn against the start build's model, before the rebuild");
        Assert.Contains("Tiles twice as fast.", Encoding.UTF8.GetString(early));
        var (update, shownBefore) = Assert.Single(updates);
        Assert.Equal(1, shownBefore);
        Assert.True(update.Succeeded);
        Assert.NotNull(update.FirstShownAfter);
        Assert.Contains(page, update.ChangedFiles);
        Assert.DoesNotContain(page, update.Reload);
        Assert.Contains("products/atlas/releases/index.html", update.Reload);
        // Rendered first or with everything else, the page is the same bytes.
        Assert.Equal(early, host.Site.Files[page]);
    }

    [Fact]
    public async Task A_body_edit_saved_while_a_rebuild_runs_is_served_at_once_and_kept_until_its_own_rebuild()
    {
        const string page = "products/atlas/releases/2.0.0/index.html";
        const string newText = "Tiles drawn while another build runs.";
        using var hold = new HeldRebuild(host.Site);
        var servedAtUpdates = new List<(PreviewUpdate Update, string Served)>();
        host.Site.Updated += update => servedAtUpdates.Add((update, Encoding.UTF8.GetString(host.Site.Files[page])));
        PreviewFirstPages? drawn = null;
        host.Site.FirstPagesShown += first => drawn ??= first.Files.Contains(page) ? first : null;
        var generation = host.Site.Generation;

        try
        {
            files.Edit(Incremental.SampleSite.AtlasGuide, "title: Set up Atlas", "title: Setting up Atlas");
            Assert.True(hold.Running.Wait(TimeSpan.FromSeconds(20)), "the rebuild after the guide's edit did not start");
            files.Edit(Incremental.SampleSite.AtlasRelease, "Faster tiles.", newText);

            await WaitForAsync(() => drawn is not null);
            Assert.Contains(newText, Encoding.UTF8.GetString(host.Site.Files[page]), StringComparison.Ordinal);
            Assert.Equal(generation, host.Site.Generation);
            Assert.NotNull(drawn);
            Assert.True(drawn.FromLastModel);
        }
        finally
        {
            hold.Release.Set();
        }

        await WaitForGenerationAsync(generation + 2);
        Assert.Empty(host.Site.Errors);
        // The guide's rebuild did not take the save in, yet the page drawn ahead stayed served and was not reloaded
        // into its older version; the save's own rebuild draws the same page again.
        Assert.All(servedAtUpdates, u => Assert.Contains(newText, u.Served, StringComparison.Ordinal));
        Assert.DoesNotContain(page, servedAtUpdates[0].Update.Reload);
        Assert.Contains(Incremental.SampleSite.AtlasGuide, servedAtUpdates[0].Update.Trigger);
        Assert.Contains(newText, await http.GetStringAsync(host.Server.SiteUrl + "products/atlas/releases/2.0.0/"));
        Assert.Contains("Setting up Atlas", await http.GetStringAsync(host.Server.SiteUrl + "products/atlas/guides/setup/"));
    }

    [Fact]
    public async Task A_body_edit_after_a_title_edit_of_the_same_page_is_drawn_against_the_running_builds_model()
    {
        const string page = "products/atlas/releases/2.0.0/index.html";
        const string newTitle = "Atlas 2.0 renamed";
        const string newText = "Text saved right after the title.";
        // The title edit's rebuild holds still before its model exists, so the body edit is saved while it runs.
        using var hold = new HeldRebuild(host.Site);
        using var drawnAhead = new ManualResetEventSlim();
        host.Site.FirstPagesShown += first =>
        {
            if (!first.Files.Contains(page))
            {
                return;
            }

            var shown = Encoding.UTF8.GetString(host.Site.Files[page]);
            if (shown.Contains(newText, StringComparison.Ordinal) && shown.Contains(newTitle, StringComparison.Ordinal))
            {
                drawnAhead.Set();
            }
            else
            {
                // The title edit's own early page: the running build goes on only once the body edit was drawn.
                drawnAhead.Wait(TimeSpan.FromSeconds(20));
            }
        };
        var servedAtUpdates = new List<(PreviewUpdate Update, string Served)>();
        host.Site.Updated += update => servedAtUpdates.Add((update, Encoding.UTF8.GetString(host.Site.Files[page])));
        var generation = host.Site.Generation;

        files.Edit(Incremental.SampleSite.AtlasRelease, "title: Atlas 2.0", "title: " + newTitle);
        Assert.True(hold.Running.Wait(TimeSpan.FromSeconds(20)), "the rebuild after the title edit did not start");
        files.Edit(Incremental.SampleSite.AtlasRelease, "Faster tiles.", newText);
        // Give the watcher time to hand the save over (it then waits for the running build's model).
        await Task.Delay(200);
        hold.Release.Set();

        Assert.True(drawnAhead.Wait(TimeSpan.FromSeconds(20)), "the body edit was not drawn before the title edit's rebuild ended");
        await WaitForGenerationAsync(generation + 2);
        Assert.Empty(host.Site.Errors);
        Assert.All(servedAtUpdates, u => Assert.Contains(newText, u.Served, StringComparison.Ordinal));
        Assert.DoesNotContain(page, servedAtUpdates[0].Update.Reload);
        var final = await http.GetStringAsync(host.Server.SiteUrl + "products/atlas/releases/2.0.0/");
        Assert.Contains(newTitle, final);
        Assert.Contains(newText, final);
    }

    [Fact]
    public async Task A_page_open_in_a_tab_is_rendered_first()
    {
        using var events = await OpenEventsAsync("/tools/changelog/");
        Assert.Equal("ok", (await events.NextAsync()).Name);
        PreviewFirstPages? shown = null;
        host.Site.FirstPagesShown += first => shown = first;

        files.Edit(Incremental.SampleSite.AtlasRelease, "title: Atlas 2.0", "title: Atlas 2.0 with faster tiles");
        var reload = await events.NextAsync();
        await WaitForAsync(() => shown is not null);

        Assert.NotNull(shown);
        Assert.False(shown.FromLastModel, "a title edit changes lists: only the rebuilt model can draw them");
        Assert.Contains("changelog/index.html", shown.Files);
        Assert.Contains("products/atlas/releases/2.0.0/index.html", shown.Files);
        Assert.Contains("\"/tools/changelog/\"", reload.Data);
        Assert.Contains("Atlas 2.0 with faster tiles", await http.GetStringAsync(host.Server.SiteUrl + "changelog/"));
    }

    [Fact]
    public async Task Pages_served_early_are_taken_back_when_the_rebuild_fails_later()
    {
        const string page = "products/atlas/releases/2.0.0/index.html";
        var before = host.Site.Files[page];
        PreviewFirstPages? shown = null;
        PreviewUpdate? failed = null;
        host.Site.FirstPagesShown += first => shown = first;
        host.Site.Updated += update => failed = update;

        // A missing anchor on another page is only found by the link check at the end of the build.
        files.Edit(Incremental.SampleSite.AtlasRelease, "Faster tiles.", "See [about](../../../about.md#no-such-heading).");
        await WaitForAsync(() => failed is not null);

        Assert.NotNull(shown);
        Assert.Contains(page, shown.Files);
        Assert.NotNull(failed);
        Assert.False(failed.Succeeded);
        Assert.Contains(page, failed.Reload);
        Assert.Equal(before, host.Site.Files[page]);
        Assert.NotEmpty(host.Site.Errors);
    }

    [Fact]
    public async Task Added_renamed_and_deleted_pages_are_picked_up()
    {
        files.Write("content/products/beacon/releases/1.0.0.md", "---\ntitle: Beacon 1.0\nversion: 1.0.0\ndate: 2026-07-01\n---\nStable.\n");
        await WaitForAsync(() => host.Site.Files.ContainsKey("products/beacon/releases/1.0.0/index.html"));

        File.Move(Path.Combine(files.Root, "content/about.md"), Path.Combine(files.Root, "content/team.md"));
        await WaitForAsync(() => host.Site.Files.ContainsKey("team/index.html") && !host.Site.Files.ContainsKey("about/index.html"));

        Directory.Delete(Path.Combine(files.Root, "content/products/beacon"), recursive: true);
        await WaitForAsync(() => !host.Site.Files.Keys.Any(k => k.StartsWith("products/beacon/", StringComparison.Ordinal)));
        Assert.Empty(host.Site.Errors);
    }

    private Task WaitForGenerationAsync(int generation) => WaitForAsync(() => host.Site.Generation >= generation);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the preview did not pick up the change in time");
            await Task.Delay(25);
        }
    }

    /// <summary>A request written by hand, so no client library normalises the path before the server sees it.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string rawPath)
    {
        var uri = new Uri(host.Server.Url);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, uri.Port);
        await using var stream = client.GetStream();
        var request = Encoding.Latin1.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response.Split("\r\n", 2)[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    /// <param name="page">The URL path the tab shows, as reload.js says it when it connects.</param>
    private async Task<EventStream> OpenEventsAsync(string? page = null)
    {
        var query = page is null ? string.Empty : "?page=" + Uri.EscapeDataString(page);
        var response = await http.GetAsync(host.Server.Url + DevServer.Prefix + "events" + query, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>
    /// Holds the next rebuild still once it has started (before its model exists), as a long build of a large site
    /// would run, until <see cref="Release"/> is set: it asks for the open tabs' pages there.
    /// </summary>
    private sealed class HeldRebuild : IDisposable
    {
        private int held;

        public HeldRebuild(PreviewSite site)
        {
            var openFiles = site.OpenFiles;
            site.OpenFiles = () =>
            {
                if (Interlocked.Exchange(ref held, 1) == 0)
                {
                    Running.Set();
                    Release.Wait(TimeSpan.FromSeconds(30));
                }

                return openFiles?.Invoke() ?? [];
            };
        }

        public ManualResetEventSlim Running { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        // The events are not disposed: the held rebuild may still be waking from them.
        public void Dispose() => Release.Set();
    }

    private sealed class EventStream(HttpResponseMessage response, Stream stream) : IDisposable
    {
        private readonly StreamReader reader = new(stream);

        /// <summary>The next event whose name <paramref name="wanted"/> accepts, skipping others (e.g. a rebuild's second reload).</summary>
        public async Task<(string Name, string Data)> NextAsync(Func<string, bool> wanted)
        {
            while (true)
            {
                var next = await NextAsync();
                if (wanted(next.Name))
                {
                    return next;
                }
            }
        }

        public async Task<(string Name, string Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            string? name = null;
            var data = new StringBuilder();
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the event stream closed");
                if (line.Length == 0 && name is not null)
                {
                    return (name, data.ToString());
                }

                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line["data: ".Length..]);
                }
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
