using System.Collections.Concurrent;
using System.Text;
using InternalSite.Build;
using InternalSite.Diagnostics;
using InternalSite.Model;
using InternalSite.Templating;

namespace InternalSite.Outputs;

/// <summary>What an output gets: the site model, the theme's templates, the diagnostics bag, and a place to emit files.</summary>
public sealed class OutputContext(SiteModel site, Theme theme, TemplateRenderer templates, BuildOptions options, DiagnosticBag diagnostics, IOutputSink sink)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, string> emitted = new(StringComparer.Ordinal);

    public SiteModel Site { get; } = site;

    public Theme Theme { get; } = theme;

    public TemplateRenderer Templates { get; } = templates;

    public BuildOptions Options { get; } = options;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Every path emitted so far, with the output that emitted it.</summary>
    public IReadOnlyDictionary<string, string> Emitted => emitted;

    /// <summary>The incremental side of the build, when there is one (see <see cref="EmitRendered"/>).</summary>
    internal Build.Incremental.IncrementalSession? Incremental { get; init; }

    public void Emit(string path, string text, string by) => Emit(path, Utf8.GetBytes(text), by);

    /// <summary>Emits a file at <paramref name="path"/> (relative to the output folder, '/'-separated).</summary>
    public void Emit(string path, byte[] bytes, string by)
    {
        if (Claim(path, by))
        {
            sink.Write(path, bytes);
        }
    }

    /// <summary>
    /// Emits a file drawn by <see cref="Templates"/>; <paramref name="render"/> returns null when it failed (with a
    /// diagnostic). In an incremental build the last build's file is kept, without rendering, when nothing the render
    /// read (page and site members, theme templates) has changed. Use it only when everything the file depends on is
    /// read through templates, or recorded by the code that reads it (<see cref="Build.Incremental.ReadTracker"/>,
    /// <see cref="Build.Incremental.TrackedPageFunctions.Record"/>); other code should call <see cref="Emit(string, string, string)"/>.
    /// </summary>
    public void EmitRendered(string path, string by, Func<string?> render) =>
        EmitRendered(path, by, () => render() is { } text ? Utf8.GetBytes(text) : null);

    /// <summary><see cref="EmitRendered(string, string, Func{string?})"/> for a render that makes the file's UTF-8 bytes itself.</summary>
    public void EmitRendered(string path, string by, Func<byte[]?> render)
    {
        if (Incremental is null)
        {
            if (render() is { } bytes)
            {
                Emit(path, bytes, by);
            }

            return;
        }

        if (!Claim(path, by) || Incremental.TryKeep(path))
        {
            return;
        }

        if (Incremental.Render(path, render) is { } rendered)
        {
            sink.Write(path, rendered);
        }
        else
        {
            emitted.TryRemove(path, out _);
        }
    }

    /// <summary>
    /// Emits a file written by code whose bytes are a pure function of <paramref name="fingerprint"/> (a hash of
    /// every input <paramref name="produce"/> reads). In an incremental build, the last build's file is kept without
    /// producing it again when it was made from the same fingerprint.
    /// </summary>
    public void EmitFingerprinted(string path, string by, string fingerprint, Func<byte[]> produce)
    {
        if (Incremental is null)
        {
            Emit(path, produce(), by);
            return;
        }

        if (!Claim(path, by) || Incremental.TryKeepFingerprinted(path, fingerprint))
        {
            return;
        }

        var bytes = produce();
        Incremental.RecordFingerprinted(path, fingerprint, bytes.LongLength);
        sink.Write(path, bytes);
    }

    private bool Claim(string path, string by)
    {
        if (emitted.TryAdd(path, by))
        {
            return true;
        }

        // Outputs run side by side, so which came first is chance: the two are named in a fixed order.
        var (first, second) = string.CompareOrdinal(emitted[path], by) <= 0 ? (emitted[path], by) : (by, emitted[path]);
        Diagnostics.Error(SourceLocation.StartOf(path), DiagnosticCodes.Output,
            $"two outputs write the file {path}: {first} and {second} (expected each file from one output)");
        return false;
    }

    /// <summary>The file a route is written to: "products/atlas/" → "products/atlas/index.html".</summary>
    public static string FileFor(string route) =>
        route.Length == 0 ? "index.html" : route.EndsWith('/') ? route + "index.html" : route;

    /// <summary>The route a file is written for, the inverse of <see cref="FileFor"/>: "products/atlas/index.html" → "products/atlas/".</summary>
    public static string RouteOf(string file) =>
        file == "index.html" ? string.Empty : file.EndsWith("/index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;
}
