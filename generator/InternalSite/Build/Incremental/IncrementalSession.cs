using System.Collections.Concurrent;
using InternalSite.Model;
using InternalSite.Outputs;
using InternalSite.Templating;
using Scriban;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The output side of one incremental build. An output file is carried over from the last build when the global key
/// is unchanged and every page member, site member and template its last render read has the same fingerprint now;
/// otherwise it is rendered again while its reads are recorded for next time.
/// </summary>
internal sealed class IncrementalSession
{
    private readonly IncrementalState previous;
    private readonly IReusingOutputSink? sink;
    private readonly Theme theme;
    private readonly Dictionary<string, Page> pagesByKey;
    private readonly ConcurrentDictionary<DependencyKey, string> current = new();
    private readonly ConcurrentDictionary<string, OutputRecord> next = new(StringComparer.Ordinal);
    private readonly ThreadLocal<TemplateContext> readers = new(() => new TemplateContext());
    private readonly bool previousUsable;
    private readonly ConcurrentBag<string> renderedPaths = [];
    private int kept;

    public IncrementalSession(IncrementalState previous, SiteModel site, Theme theme, string globalKey, IOutputSink sink)
    {
        this.previous = previous;
        this.theme = theme;
        Site = site;
        GlobalKey = globalKey;
        this.sink = sink as IReusingOutputSink;
        pagesByKey = new Dictionary<string, Page>(StringComparer.Ordinal);
        var duplicated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in site.AllPages)
        {
            if (!pagesByKey.TryAdd(ValueFingerprint.PageKey(page), page))
            {
                duplicated.Add(ValueFingerprint.PageKey(page));
            }
        }

        // Two pages on one route are an error anyway; neither can be found again reliably.
        foreach (var key in duplicated)
        {
            pagesByKey.Remove(key);
        }

        previousUsable = this.sink is not null && previous.GlobalKey == globalKey && previous.OutputIdentity == this.sink.OutputIdentity;
    }

    public SiteModel Site { get; }

    public string GlobalKey { get; }

    public bool IsAddressable(Page page) => pagesByKey.TryGetValue(ValueFingerprint.PageKey(page), out var found) && ReferenceEquals(found, page);

    /// <summary>Carries <paramref name="path"/> over from the last build if nothing it read has changed.</summary>
    public bool TryKeep(string path)
    {
        if (!previousUsable || !previous.Outputs.TryGetValue(path, out var record))
        {
            return false;
        }

        foreach (var read in record.Reads)
        {
            if (!previous.Dependencies.TryGetValue(read, out var then) || CurrentFingerprint(read) != then)
            {
                return false;
            }
        }

        if (!sink!.TryKeep(path, record.Length))
        {
            return false;
        }

        next[path] = record;
        Interlocked.Increment(ref kept);
        return true;
    }

    /// <summary>Renders a file while recording what it reads.</summary>
    public byte[]? Render(string path, Func<byte[]?> render)
    {
        var recording = ReadTracker.Begin(this);
        byte[]? bytes;
        try
        {
            bytes = render();
        }
        finally
        {
            ReadTracker.End();
        }

        renderedPaths.Add(path);
        if (bytes is not null && recording.Trackable)
        {
            next[path] = new OutputRecord(bytes.LongLength, recording.Reads.ToArray());
        }

        return bytes;
    }

    public void Remember(DependencyKey key, object? value) => current.GetOrAdd(key, _ => ValueFingerprint.Of(value));

    public void RememberTemplate(DependencyKey key) => current.GetOrAdd(key, k => TemplateFingerprint(k.Member));

    /// <summary>The state the next build starts from, describing the output this build produced.</summary>
    public void CommitTo(IncrementalState state)
    {
        state.GlobalKey = GlobalKey;
        state.OutputIdentity = sink?.OutputIdentity ?? string.Empty;
        state.Outputs = new Dictionary<string, OutputRecord>(next, StringComparer.Ordinal);
        var dependencies = new Dictionary<DependencyKey, string>();
        foreach (var record in next.Values)
        {
            foreach (var read in record.Reads)
            {
                dependencies.TryAdd(read, CurrentFingerprint(read));
            }
        }

        state.Dependencies = dependencies;
        state.LastRendered = renderedPaths.Order(StringComparer.Ordinal).ToArray();
        state.LastKept = kept;
    }

    private string CurrentFingerprint(DependencyKey key) => current.GetOrAdd(key, Evaluate);

    private string Evaluate(DependencyKey key)
    {
        if (key.Owner == DependencyKey.ThemeOwner)
        {
            return TemplateFingerprint(key.Member);
        }

        object? owner = key.Owner == DependencyKey.SiteOwner ? Site : pagesByKey.GetValueOrDefault(key.Owner);
        if (owner is null)
        {
            return "(gone)";
        }

        // Read the member the way the template did, through Scriban's own accessor (same member names).
        var reader = readers.Value!;
        var accessor = reader.GetMemberAccessor(owner);
        var found = accessor.TryGetValue(reader, default, owner, key.Member, out var value);
        return ValueFingerprint.Of(found ? value : TrackingObjectAccessor.Absent.Instance);
    }

    private string TemplateFingerprint(string path) =>
        theme.Find(path) is { } found ? StableHash.Of(found.Layer.DisplayRoot + "\n" + StableHash.Of(found.Bytes)) : "(absent)";
}
