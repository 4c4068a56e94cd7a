using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using InternalSite.Build;
using InternalSite.Diagnostics;
using NodaTime;

namespace InternalSite.Cli.BuildServer;

/// <summary>What a client asks the build server: one line of JSON, answered by one line of JSON.</summary>
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
}

internal sealed record WireDiagnostic(Severity Severity, string File, int Line, int Column, string Code, string Message)
{
    public static WireDiagnostic From(Diagnostic d) => new(d.Severity, d.Location.File, d.Location.Line, d.Location.Column, d.Code, d.Message);

    public Diagnostic ToDiagnostic() => new(Severity, new SourceLocation(File, Line, Column), Code, Message);
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
}

/// <summary>
/// One JSON document per line, in both directions. The serializers are generated at compile time: a client lives for
/// one build, and warming up reflection-based serialization cost it more than the build on a warm server.
/// </summary>
internal static class WireFormat
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T? Read<T>(string? line) where T : class
    {
        if (string.IsNullOrEmpty(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, TypeInfo<T>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)WireJson.Default.GetTypeInfo(typeof(T))!;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BuildServerRequest))]
[JsonSerializable(typeof(BuildServerResponse))]
internal sealed partial class WireJson : JsonSerializerContext;
