using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InternalSite.Templating;

/// <summary>
/// A Scriban accessor that answers everything through another one; a subclass changes only the reads it is about
/// (reading members faster, telling the incremental build what was read).
/// </summary>
internal abstract class ForwardingObjectAccessor(IObjectAccessor inner) : IObjectAccessor
{
    protected IObjectAccessor Inner { get; } = inner;

    public bool HasIndexer => Inner.HasIndexer;

    public Type? IndexType => Inner.IndexType;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => Inner.GetMemberCount(context, span, target);

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => Inner.GetMembers(context, span, target);

    public virtual bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => Inner.HasMember(context, span, target, member);

    public virtual bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value) =>
        Inner.TryGetValue(context, span, target, member, out value);

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        Inner.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        Inner.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        Inner.TrySetItem(context, span, target, index, value);
}
