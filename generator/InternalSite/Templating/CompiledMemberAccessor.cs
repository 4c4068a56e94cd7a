using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InternalSite.Templating;

/// <summary>
/// Reads the members of the site's model objects through delegates bound to their getters. Scriban's own accessor reads a property
/// through reflection on every access, and templates read tens of members per page on thousands of pages. The
/// members and their names are Scriban's (the accessor wrapped here decides them); anything else it answers itself.
/// </summary>
internal sealed class CompiledMemberAccessor(IObjectAccessor inner, IReadOnlyDictionary<string, Func<object, object?>> getters) : ForwardingObjectAccessor(inner)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> GettersByType = new();

    /// <summary>Wraps Scriban's accessor of a model object; others are returned as they are.</summary>
    public static IObjectAccessor For(TemplateContext context, object target, IObjectAccessor accessor)
    {
        var type = target.GetType();
        if (accessor is not Scriban.Runtime.Accessors.TypedObjectAccessor || type.IsValueType
            || type.Namespace?.StartsWith("InternalSite", StringComparison.Ordinal) != true)
        {
            return accessor;
        }

        var getters = GettersByType.GetOrAdd(type, _ => Compile(context, type, accessor.GetMembers(context, default, target).ToHashSet(StringComparer.Ordinal)));
        return new CompiledMemberAccessor(accessor, getters);
    }

    /// <summary>
    /// The compiled getter of <paramref name="member"/> on <paramref name="target"/>'s type, as <see cref="For"/> would
    /// read it; null when Scriban's own accessor answers for that member (or the type is not a model object).
    /// </summary>
    public static Func<object, object?>? GetterOf(TemplateContext context, object target, string member) =>
        For(context, target, context.GetMemberAccessor(target)) is CompiledMemberAccessor compiled
            ? compiled.Getters.GetValueOrDefault(member)
            : null;

    private IReadOnlyDictionary<string, Func<object, object?>> Getters => getters;

    public override bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }

        return Inner.TryGetValue(context, span, target, member, out value);
    }

    private static Dictionary<string, Func<object, object?>> Compile(TemplateContext context, Type type, HashSet<string> members)
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        var candidates = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
        foreach (var member in candidates)
        {
            var name = context.MemberRenamer?.Invoke(member) ?? member.Name;

            // Only members Scriban itself shows, under the name it shows them; a name two members share is left to it.
            if (!members.Contains(name) || (context.MemberFilter is { } filter && !filter(member)) || !getters.TryAdd(name, Getter(type, member)))
            {
                getters.Remove(name);
                members.Remove(name);
            }
        }

        return getters;
    }

    private static Func<object, object?> Getter(Type type, MemberInfo member) => member switch
    {
        PropertyInfo property => BoundGetter.For(type, property),
        FieldInfo field => field.GetValue,
        _ => throw new ArgumentException($"{member.Name} is neither a property nor a field", nameof(member)),
    };
}
