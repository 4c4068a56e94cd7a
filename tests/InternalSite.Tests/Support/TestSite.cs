using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs;
using NodaTime;

namespace InternalSite.Tests.Support;

/// <summary>Builds a site written as one text block of files (<c>-- path --</c> lines) in memory.</summary>
public static class TestSite
{
    /// <summary>A fixed "now" so tests never depend on the clock.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 1, 12, 0);

    public const string Config = """
        -- site.config.yml --
        title: Test Portal
        baseUrl: https://portal.example.internal/tools/
        timezone: Europe/London
        organization: Example Corp
        """;

    public static (BuildResult Result, MemoryOutputSink Output) Build(string files, BuildOptions? options = null)
    {
        var source = SiteSource.FromText(files);
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(source, (options ?? new BuildOptions()) with { Now = options?.Now ?? Now }, sink);
        return (result, sink);
    }

    public static string Errors(BuildResult result) => string.Join("\n", result.Errors.Select(e => e.ToString()));
}
