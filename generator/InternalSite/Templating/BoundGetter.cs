using System.Reflection;

namespace InternalSite.Templating;

/// <summary>
/// Reads a property through a delegate bound to its getter, which costs far less per call than
/// <see cref="PropertyInfo.GetValue(object)"/> and generates no code (unlike a compiled expression). Used wherever the
/// model's members are read by name on every page: templates and incremental builds' fingerprints.
/// </summary>
internal static class BoundGetter
{
    private static readonly MethodInfo OpenGetter = typeof(BoundGetter).GetMethod(nameof(PropertyGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A reader of <paramref name="property"/> on objects of <paramref name="type"/>; value types' go through reflection.</summary>
    public static Func<object, object?> For(Type type, PropertyInfo property) => type.IsValueType
        ? property.GetValue
        : (Func<object, object?>)OpenGetter.MakeGenericMethod(type, property.PropertyType).Invoke(null, [property.GetMethod])!;

    private static Func<object, object?> PropertyGetter<TTarget, TValue>(MethodInfo getter)
    {
        var read = getter.CreateDelegate<Func<TTarget, TValue>>();
        return target => read((TTarget)target);
    }
}
