using InternalSite.Config;
using InternalSite.Content;
using InternalSite.Diagnostics;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Reuses the front matter parse of a markdown file whose bytes and config are unchanged since the last build (of
/// this process, or saved in the cache file by <c>build</c>): the page is handed out as a fresh copy of the page as
/// parsed, and the parse's diagnostics are reported again, so the build sees exactly what parsing the file again
/// would give it.
/// </summary>
internal sealed class ParseCache(MemoryCaches memory, string configKey)
{
    public ParsedPage? Read(SourceFile file, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (memory.ParsedPages.TryGetValue(file.Path, out var entry) && entry.ConfigKey == configKey && SameBytes(entry, file)
            && Restored(entry, file) is { } restored)
        {
            // Serve's live source hands out the same array while a file is not saved again: keeping it spares comparing
            // the bytes next time. A file not read (its stamp was unchanged) stays unread.
            var bytes = file.IsRead ? file.Bytes : restored.Bytes;
            if (!ReferenceEquals(restored.Bytes, bytes) || !ReferenceEquals(restored, entry))
            {
                restored = restored with { Bytes = bytes };
                memory.ParsedPages[file.Path] = restored;
            }

            // The entry keeps the page as parsed (PageSourceMembers knows a page by its basics); the build gets a copy to fill in.
            Report(restored, diagnostics);
            return restored.Parsed is { } kept ? kept with { Page = kept.Page.Copy() } : null;
        }

        var own = new DiagnosticBag();
        var parsed = PageReader.Read(file, config, own);
        entry = new ParsedPageEntry(file.Bytes, configKey, null, own.Sorted()) { BytesHash = file.ContentHash };
        parsed = parsed is null ? null : parsed with { SourceHash = entry.Hash };
        entry = entry with { Parsed = parsed is null ? null : parsed with { Page = parsed.Page.Copy() } };
        memory.ParsedPages[file.Path] = entry;
        Report(entry, diagnostics);
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

    private static void Report(ParsedPageEntry entry, DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in entry.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
    }

    // The live source of `serve` hands out the same array for a file that was not saved again: no need to compare then.
    // An entry from the cache file knows only the hash of the bytes, as does a file whose stamp was unchanged.
    private static bool SameBytes(ParsedPageEntry cached, SourceFile now) => cached.Bytes is { } bytes && now.IsRead
        ? ReferenceEquals(bytes, now.Bytes) || bytes.AsSpan().SequenceEqual(now.Bytes)
        : cached.Hash == now.ContentHash;

    /// <summary>The entry with its page decoded, for an entry read from the cache file; null if it cannot be decoded.</summary>
    private static ParsedPageEntry? Restored(ParsedPageEntry entry, SourceFile file)
    {
        if (entry.Parsed is not null || entry.Encoded is null)
        {
            return entry;
        }

        try
        {
            return entry with { Parsed = ParsedPageCodec.Decode(entry.Encoded, file, entry.Hash) };
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// A markdown file's bytes (or, read from the cache file, their hash), the config it was parsed with, and the page as
/// parsed (null when it could not be). <see cref="Encoded"/> is the page in the cache file's form, once known.
/// </summary>
internal sealed record ParsedPageEntry(byte[]? Bytes, string ConfigKey, ParsedPage? Parsed, IReadOnlyList<Diagnostic> Diagnostics)
{
    private string? bytesHash;

    public string? BytesHash
    {
        get => bytesHash;
        init => bytesHash = value;
    }

    public byte[]? Encoded { get; init; }

    /// <summary>The hash of the file's bytes, computed once per entry (an entry never changes its bytes).</summary>
    public string Hash => bytesHash ??= StableHash.Of(Bytes!);
}
