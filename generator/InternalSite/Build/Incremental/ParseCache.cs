using InternalSite.Config;
using InternalSite.Content;
using InternalSite.Diagnostics;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Reuses the front matter parse of a markdown file whose bytes and config are unchanged since the last build of this
/// process: the page is handed out as a fresh copy of the page as parsed, and the parse's diagnostics are reported
/// again, so the build sees exactly what parsing the file again would give it.
/// </summary>
internal sealed class ParseCache(MemoryCaches memory, string configKey)
{
    public ParsedPage? Read(SourceFile file, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (memory.ParsedPages.TryGetValue(file.Path, out var entry) && entry.ConfigKey == configKey && SameBytes(entry.Bytes, file.Bytes))
        {
            if (!ReferenceEquals(entry.Bytes, file.Bytes))
            {
                memory.ParsedPages[file.Path] = entry with { Bytes = file.Bytes };
            }

            return Replay(entry, diagnostics);
        }

        var own = new DiagnosticBag();
        var parsed = PageReader.Read(file, config, own);
        entry = new ParsedPageEntry(file.Bytes, configKey, parsed is null ? null : parsed with { Page = parsed.Page.Copy() }, own.Sorted());
        memory.ParsedPages[file.Path] = entry;
        foreach (var diagnostic in entry.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return parsed;
    }

    /// <summary>Forgets files that are gone, so a long <c>serve</c> session does not keep every page it ever saw.</summary>
    public void Prune(IEnumerable<SourceFile> markdownFiles)
    {
        var present = markdownFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in memory.ParsedPages.Keys)
        {
            if (!present.Contains(path))
            {
                memory.ParsedPages.TryRemove(path, out _);
            }
        }
    }

    private static ParsedPage? Replay(ParsedPageEntry entry, DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in entry.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return entry.Parsed is { } parsed ? parsed with { Page = parsed.Page.Copy() } : null;
    }

    // The live source of `serve` hands out the same array for a file that was not saved again: no need to compare then.
    private static bool SameBytes(byte[] cached, byte[] now) => ReferenceEquals(cached, now) || cached.AsSpan().SequenceEqual(now);
}

/// <summary>A markdown file's bytes, the config it was parsed with, and the page as parsed (null when it could not be).</summary>
internal sealed record ParsedPageEntry(byte[] Bytes, string ConfigKey, ParsedPage? Parsed, IReadOnlyList<Diagnostic> Diagnostics);
