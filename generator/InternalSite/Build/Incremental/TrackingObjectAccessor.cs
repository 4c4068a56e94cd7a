using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InternalSite.Build.Incremental;

/// <summary>Passes every member read of a page or the site model through to Scriban's accessor and tells the <see cref="ReadTracker"/>.</summary>
internal sealed class TrackingObjectAccessor(IObjectAccessor inner) : IObjectAccessor
{
    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => inner.GetMembers(context, span, target);

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
    {
        var has = inner.HasMember(context, span, target, member);
        if (ReadTracker.Current is not null)
        {
            inner.TryGetValue(context, span, target, member, out var value);
            ReadTracker.Member(target, member, has ? value : Absent.Instance);
        }

        return has;
    }

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        var found = inner.TryGetValue(context, span, target, member, out value);
        ReadTracker.Member(target, member, found ? value : Absent.Instance);
        return found;
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        inner.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        inner.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        inner.TrySetItem(context, span, target, index, value);

    public bool HasIndexer => inner.HasIndexer;

    public Type? IndexType => inner.IndexType;

    /// <summary>Stands for "no such member", so a member appearing later changes the fingerprint.</summary>
    internal sealed class Absent
    {
        public static readonly Absent Instance = new();

        public override string ToString() => "(absent)";
    }
}
