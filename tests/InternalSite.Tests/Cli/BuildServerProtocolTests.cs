using InternalSite.Cli.BuildServer;
using InternalSite.Diagnostics;

namespace InternalSite.Tests.Cli;

/// <summary>The build server's messages: each comes back as it was sent, and bytes that are not a message are no message.</summary>
public sealed class BuildServerProtocolTests
{
    private static T? RoundTrip<T>(Action<BinaryWriter> write, Func<BinaryReader, T> read) where T : class
    {
        var stream = new MemoryStream();
        WireFormat.Send(stream, write);
        stream.Position = 0;
        return WireFormat.Receive(stream, read);
    }

    [Fact]
    public void A_request_comes_back_as_it_was_sent()
    {
        var full = new BuildServerRequest
        {
            Site = "/sites/fernhill", Output = "/tmp/out", Drafts = true, Future = true, BaseUrl = "https://portal.example/é/",
            NowUnixSeconds = 1_795_000_000, SocialCards = false,
        };
        Assert.Equal(full, RoundTrip(full.Write, BuildServerRequest.Read));

        var plain = new BuildServerRequest { Command = "stop", Site = "/sites/fernhill" };
        var back = RoundTrip(plain.Write, BuildServerRequest.Read);
        Assert.Equal(plain, back);
        Assert.Null(back!.Output);
        Assert.Null(back.NowUnixSeconds);
    }

    [Fact]
    public void A_response_comes_back_with_its_diagnostics_pages_and_stages()
    {
        var response = new BuildServerResponse
        {
            OutputFolder = "/sites/fernhill/_site",
            Diagnostics = [new WireDiagnostic(Severity.Error, "content/a.md", 3, 7, "IS0100", "expected a date <b>\"x\"</b>")],
            PagesByKind = new() { ["release"] = 6000, ["guide"] = 3000 },
            FilesEmitted = 28491,
            ElapsedMilliseconds = 512.25,
            Stages = [new WireStage("pages", 260.5, 400.25, 1 << 20), new WireStage("sitemap", 13, null, null)],
            GarbageCollection = "garbage collection: 10 ms paused",
        };
        var back = RoundTrip(response.Write, BuildServerResponse.Read);

        Assert.NotNull(back);
        Assert.Equal(response.OutputFolder, back.OutputFolder);
        Assert.Equal(response.Diagnostics, back.Diagnostics);
        Assert.Equal(response.PagesByKind, back.PagesByKind);
        Assert.Equal(response.FilesEmitted, back.FilesEmitted);
        Assert.Equal(response.ElapsedMilliseconds, back.ElapsedMilliseconds);
        Assert.Equal(response.Stages, back.Stages);
        Assert.Equal(response.GarbageCollection, back.GarbageCollection);
        Assert.Null(back.Failure);

        var failed = RoundTrip(new BuildServerResponse { Failure = "this server builds another site" }.Write, BuildServerResponse.Read);
        Assert.Equal("this server builds another site", failed!.Failure);
        Assert.Null(failed.PagesByKind);
    }

    [Fact]
    public void Bytes_that_are_not_a_whole_message_are_no_message()
    {
        var stream = new MemoryStream();
        WireFormat.Send(stream, new BuildServerRequest { Site = "/s" }.Write);
        var bytes = stream.ToArray();

        Assert.Null(WireFormat.Receive(new MemoryStream(bytes[..^1]), BuildServerRequest.Read));
        Assert.Null(WireFormat.Receive(new MemoryStream([]), BuildServerRequest.Read));
        Assert.Null(WireFormat.Receive(new MemoryStream("{\"command\":\"build\"}\n"u8.ToArray()), BuildServerRequest.Read));

        // A length that promises more fields than the reader takes is refused, not half read.
        var longer = new MemoryStream();
        WireFormat.Send(longer, w => { new BuildServerRequest { Site = "/s" }.Write(w); w.Write(42); });
        longer.Position = 0;
        Assert.Null(WireFormat.Receive(longer, BuildServerRequest.Read));
    }
}
