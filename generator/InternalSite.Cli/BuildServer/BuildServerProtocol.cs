using System.Buffers.Binary;
using System.Text;
using InternalSite.Build;
using InternalSite.Diagnostics;
using NodaTime;

namespace InternalSite.Cli.BuildServer;

/// <summary>What a client asks the build server: one message, answered by one <see cref="BuildServerResponse"/>.</summary>
internal sealed record BuildServerRequest
{
    /// <summary>"build" or "stop".</summary>
    public string Command { get; init; } = "build";

    public string Site { get; init; } = "";

    public string? Output { get; init; }

    public bool Drafts { get; init; }

    public bool Future { get; init; }

    public string? BaseUrl { get; init; }

    /// <summary>The client's SOURCE_DATE_EPOCH in seconds, when it has one: "now" is the client's, not the server's.</summary>
    public long? NowUnixSeconds { get; init; }

    public bool SocialCards { get; init; } = true;

    public BuildOptions ToOptions()
    {
        var options = new BuildOptions
        {
            Drafts = Drafts,
            Future = Future,
            BaseUrl = BaseUrl,
            Now = NowUnixSeconds is { } seconds ? Instant.FromUnixTimeSeconds(seconds) : null,
        };
        return options with { Images = options.Images with { SocialCards = SocialCards } };
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Command);
        w.Write(Site);
        WireFormat.WriteOptional(w, Output);
        w.Write(Drafts);
        w.Write(Future);
        WireFormat.WriteOptional(w, BaseUrl);
        WireFormat.WriteOptional(w, NowUnixSeconds);
        w.Write(SocialCards);
    }

    public static BuildServerRequest Read(BinaryReader r)
    {
        var command = r.ReadString();
        var site = r.ReadString();
        var output = WireFormat.ReadOptional(r);
        var drafts = r.ReadBoolean();
        var future = r.ReadBoolean();
        var baseUrl = WireFormat.ReadOptional(r);
        var now = WireFormat.ReadOptionalInt64(r);
        return new BuildServerRequest
        {
            Command = command,
            Site = site,
            Output = output,
            Drafts = drafts,
            Future = future,
            BaseUrl = baseUrl,
            NowUnixSeconds = now,
            SocialCards = r.ReadBoolean(),
        };
    }
}

/// <summary>The outcome of one build on the server: what the client prints, as an in-process build would.</summary>
internal sealed record BuildServerResponse
{
    public List<WireDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Null when the build stopped before there was a site model (e.g. the output folder was refused).</summary>
    public Dictionary<string, int>? PagesByKind { get; init; }

    public int FilesEmitted { get; init; }

    public double ElapsedMilliseconds { get; init; }

    public List<WireStage> Stages { get; init; } = [];

    /// <summary>The server's garbage collection during this build, for <c>--timings</c>.</summary>
    public string GarbageCollection { get; init; } = "";

    /// <summary>Where the site was built to, so the client need not read the config to say so.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Set when the server could not run the build at all; the client then builds in its own process.</summary>
    public string? Failure { get; init; }

    public static BuildServerResponse From(BuildResult result, string garbageCollection, string outputFolder) => new()
    {
        OutputFolder = outputFolder,
        Diagnostics = result.Diagnostics.Select(WireDiagnostic.From).ToList(),
        PagesByKind = result.Site is null ? null : new Dictionary<string, int>(result.Statistics.PagesByKind, StringComparer.Ordinal),
        FilesEmitted = result.Statistics.FilesEmitted,
        ElapsedMilliseconds = result.Statistics.Elapsed.TotalMilliseconds,
        Stages = result.Statistics.Stages.Select(WireStage.From).ToList(),
        GarbageCollection = garbageCollection,
    };

    /// <summary>The result as the client's reporting expects it; there is no site model on this side of the socket.</summary>
    public BuildResult ToResult()
    {
        var statistics = new BuildStatistics(PagesByKind ?? [], FilesEmitted, TimeSpan.FromMilliseconds(ElapsedMilliseconds))
        {
            Stages = Stages.Select(s => s.ToStage()).ToList(),
        };
        return new BuildResult(null, Diagnostics.Select(d => d.ToDiagnostic()).ToList(), statistics);
    }

    public void Write(BinaryWriter w)
    {
        WireFormat.WriteOptional(w, Failure);
        WireFormat.WriteOptional(w, OutputFolder);
        w.Write(Diagnostics.Count);
        foreach (var d in Diagnostics)
        {
            d.Write(w);
        }

        w.Write(PagesByKind is null ? -1 : PagesByKind.Count);
        foreach (var (kind, count) in PagesByKind ?? [])
        {
            w.Write(kind);
            w.Write(count);
        }

        w.Write(FilesEmitted);
        w.Write(ElapsedMilliseconds);
        w.Write(Stages.Count);
        foreach (var stage in Stages)
        {
            stage.Write(w);
        }

        w.Write(GarbageCollection);
    }

    public static BuildServerResponse Read(BinaryReader r)
    {
        var failure = WireFormat.ReadOptional(r);
        var outputFolder = WireFormat.ReadOptional(r);
        var diagnostics = WireFormat.ReadList(r, WireDiagnostic.Read);
        var kinds = r.ReadInt32();
        Dictionary<string, int>? pagesByKind = null;
        if (kinds >= 0)
        {
            pagesByKind = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < kinds; i++)
            {
                pagesByKind[r.ReadString()] = r.ReadInt32();
            }
        }

        var filesEmitted = r.ReadInt32();
        var elapsed = r.ReadDouble();
        var stages = WireFormat.ReadList(r, WireStage.Read);
        return new BuildServerResponse
        {
            Failure = failure,
            OutputFolder = outputFolder,
            Diagnostics = diagnostics,
            PagesByKind = pagesByKind,
            FilesEmitted = filesEmitted,
            ElapsedMilliseconds = elapsed,
            Stages = stages,
            GarbageCollection = r.ReadString(),
        };
    }
}

internal sealed record WireDiagnostic(Severity Severity, string File, int Line, int Column, string Code, string Message)
{
    public static WireDiagnostic From(Diagnostic d) => new(d.Severity, d.Location.File, d.Location.Line, d.Location.Column, d.Code, d.Message);

    public Diagnostic ToDiagnostic() => new(Severity, new SourceLocation(File, Line, Column), Code, Message);

    public void Write(BinaryWriter w)
    {
        w.Write((int)Severity);
        w.Write(File);
        w.Write(Line);
        w.Write(Column);
        w.Write(Code);
        w.Write(Message);
    }

    public static WireDiagnostic Read(BinaryReader r)
    {
        var severity = r.ReadInt32();
        if (!Enum.IsDefined((Severity)severity))
        {
            throw new FormatException("not a severity");
        }

        return new((Severity)severity, r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString(), r.ReadString());
    }
}

internal sealed record WireStage(string Stage, double WallMilliseconds, double? ProcessorMilliseconds, long? AllocatedBytes)
{
    public static WireStage From(StageTime s) =>
        new(s.Stage, s.Wall.TotalMilliseconds, s.Processor?.TotalMilliseconds, s.AllocatedBytes);

    public StageTime ToStage() =>
        new(Stage, TimeSpan.FromMilliseconds(WallMilliseconds), ProcessorMilliseconds is { } cpu ? TimeSpan.FromMilliseconds(cpu) : null)
        {
            AllocatedBytes = AllocatedBytes,
        };

    public void Write(BinaryWriter w)
    {
        w.Write(Stage);
        w.Write(WallMilliseconds);
        WireFormat.WriteOptional(w, ProcessorMilliseconds);
        WireFormat.WriteOptional(w, AllocatedBytes);
    }

    public static WireStage Read(BinaryReader r)
    {
        var stage = r.ReadString();
        var wall = r.ReadDouble();
        var processor = WireFormat.ReadOptionalDouble(r);
        return new(stage, wall, processor, WireFormat.ReadOptionalInt64(r));
    }
}

/// <summary>
/// Each message is its length (4 bytes, little-endian) and then its fields, in the order the types above write them
/// (strings as <see cref="BinaryWriter"/> writes them). Client and server are always the same build of the tool (the
/// socket's name says which), so the format needs no version. It is hand-written because a client lives for one build:
/// starting up even a compile-time generated JSON serializer cost it about 60 ms, a tenth of a build on a warm server.
/// </summary>
internal static class WireFormat
{
    /// <summary>Far above any real message; a length beyond it means the bytes are not a message of this format.</summary>
    private const int LargestMessage = 64 * 1024 * 1024;

    public static void Send(Stream stream, Action<BinaryWriter> write)
    {
        var message = new MemoryStream();
        message.Write(stackalloc byte[4]);
        using (var writer = new BinaryWriter(message, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        var bytes = message.GetBuffer().AsSpan(0, (int)message.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>The next message, read with <paramref name="read"/>; null when the stream ended or did not hold one.</summary>
    public static T? Receive<T>(Stream stream, Func<BinaryReader, T> read) where T : class
    {
        Span<byte> prefix = stackalloc byte[4];
        if (stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false) < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is < 0 or > LargestMessage)
        {
            return null;
        }

        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length)
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var value = read(reader);
            return reader.BaseStream.Position == length ? value : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        w.Write(value ?? string.Empty);
    }

    public static string? ReadOptional(BinaryReader r)
    {
        var present = r.ReadBoolean();
        var value = r.ReadString();
        return present ? value : null;
    }

    public static void WriteOptional(BinaryWriter w, long? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }

    public static long? ReadOptionalInt64(BinaryReader r)
    {
        var present = r.ReadBoolean();
        var value = r.ReadInt64();
        return present ? value : null;
    }

    public static void WriteOptional(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }

    public static double? ReadOptionalDouble(BinaryReader r)
    {
        var present = r.ReadBoolean();
        var value = r.ReadDouble();
        return present ? value : null;
    }

    public static List<T> ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var count = r.ReadInt32();
        if (count < 0)
        {
            throw new FormatException("a negative count");
        }

        var list = new List<T>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            list.Add(read(r));
        }

        return list;
    }
}
