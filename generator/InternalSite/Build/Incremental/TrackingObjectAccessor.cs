using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InternalSite.Build.Incremental;

/// <summary>Passes every member read of a page or the site model through to Scriban's accessor and tells the <see cref="ReadTracker"/>.</summary>
internal sealed class TrackingObjectAccessor(IObjectAccessor inner) : Templating.ForwardingObjectAccessor(inner)
{
    public override bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
    {
        var has = Inner.HasMember(context, span, target, member);
        if (ReadTracker.Current is not null)
        {
            Inner.TryGetValue(context, span, target, member, out var value);
            ReadTracker.Member(target, member, has ? value : Absent.Instance);
        }

        return has;
    }

    public override bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        var found = Inner.TryGetValue(context, span, target, member, out value);
        ReadTracker.Member(target, member, found ? value : Absent.Instance);
        return found;
    }

    /// <summary>Stands for "no such member", so a member appearing later changes the fingerprint.</summary>
    internal sealed class Absent
    {
        public static readonly Absent Instance = new();

        public override string ToString() => "(absent)";
    }
}
