using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InternalSite.Templating;

/// <summary>
/// Renders a partial once per distinct inputs and writes the same text wherever it is included with those inputs
/// again: the site header and footer come out the same on thousands of pages, and a release's list item on every
/// changelog that lists it. What a partial's output depends on is read from its own syntax tree (see
/// <see cref="PartialShape"/>), so a theme that overrides a partial is memoized by what its version reads. Inputs
/// count as equal when they are equal text, numbers or dates, or the very same model object (the model is complete
/// and unchanged while pages render). A partial whose inputs rarely repeat (one page's title) stops being looked up.
/// </summary>
internal sealed class PartialMemo(ScriptObject globals, IReadOnlySet<string> pureFunctions, Func<string, ScriptPage?> parsedPartial)
{
    // Bounds the memory kept texts take (in characters, over all partials); beyond it, partials render as written.
    private const long MaxKeptCharacters = 16 << 20;

    // Bounds the inputs remembered as seen once (a hash each), per partial.
    private const int MaxSeen = 1 << 20;

    // A partial included this often without its inputs ever repeating (meta tags, previous/next links) is not looked
    // up any more: reading its inputs would only add to evaluating it.
    private const int IncludesWithoutRepeat = 4096;

    private readonly ConcurrentDictionary<string, Table> tables = new(StringComparer.Ordinal);
    private readonly CharacterBudget budget = new(MaxKeptCharacters);

    /// <summary>
    /// Writes <paramref name="path"/>'s output for the current inputs if it was kept from an earlier include with the
    /// same inputs. Otherwise the partial is rendered into a buffer, written and kept, when its inputs came before or
    /// most of its includes repeat earlier inputs; the first time inputs are seen, of a partial whose inputs seldom
    /// repeat (a page's own title), it is evaluated in place, which costs no copy. False when the caller is to evaluate
    /// the partial in place itself.
    /// </summary>
    public bool TryWrite(TemplateContext context, string path, ScriptPage page, Action evaluate)
    {
        var table = tables.GetOrAdd(path, _ => new Table(PartialShape.Of(page, pureFunctions, parsedPartial), globals));
        if (!table.Shape.IsKnown || table.NeverRepeats || !table.FunctionsAreTheSites(context) || !TryReadInputs(context, table.Shape, out var key))
        {
            return false;
        }

        if (table.Entries.TryGetValue(key, out var known))
        {
            table.Count(repeat: true);
            context.Write(known.Text);
            for (var i = 0; i < known.Assigned.Length; i++)
            {
                context.SetValue((ScriptExpression)new ScriptVariableGlobal(table.Shape.Assigned[i]), known.Assigned[i]);
            }

            return true;
        }

        var seenBefore = table.SeenBefore(key);
        table.Count(seenBefore);
        if (!(seenBefore || table.MostlyRepeats) || !budget.TryTake(0))
        {
            return false;
        }

        context.PushOutput();
        string text;
        try
        {
            evaluate();
        }
        finally
        {
            text = context.PopOutput().ToString() ?? string.Empty;
        }

        context.Write(text);
        var assigned = new object?[table.Shape.Assigned.Count];
        var keepable = true;
        for (var i = 0; i < assigned.Length; i++)
        {
            assigned[i] = context.GetValue(new ScriptVariableGlobal(table.Shape.Assigned[i]));
            keepable &= InputComparer.IsComparable(assigned[i]);
        }

        if (keepable && budget.TryTake(text.Length))
        {
            table.Entries.TryAdd(key, new Entry(text, assigned));
        }

        return true;
    }

    private static bool TryReadInputs(TemplateContext context, PartialShape shape, out InputKey key)
    {
        var values = new object?[shape.Inputs.Count];
        key = new InputKey(values);
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = context.Evaluate(shape.Inputs[i]);
                if (!InputComparer.IsComparable(values[i]))
                {
                    return false;
                }
            }
        }
        catch (ScriptRuntimeException)
        {
            // Evaluated as written, the partial reports the error where it stands.
            return false;
        }

        return true;
    }

    private sealed class Table(PartialShape shape, ScriptObject globals)
    {
        private readonly HashSet<int> seen = [];
        private readonly ScriptVariableGlobal[] functions = shape.Functions.Select(name => new ScriptVariableGlobal(name)).ToArray();
        private readonly object?[] sites = shape.Functions.Select(name => globals.TryGetValue(name, out var value) ? value : null).ToArray();

        private int includes;
        private int repeats;

        public bool NeverRepeats => Volatile.Read(ref repeats) == 0 && Volatile.Read(ref includes) >= IncludesWithoutRepeat;

        /// <summary>At least a quarter of the includes so far had inputs seen before.</summary>
        public bool MostlyRepeats => Volatile.Read(ref repeats) * 4 >= Volatile.Read(ref includes);

        public void Count(bool repeat)
        {
            Interlocked.Increment(ref includes);
            if (repeat)
            {
                Interlocked.Increment(ref repeats);
            }
        }

        public bool FunctionsAreTheSites(TemplateContext context)
        {
            for (var i = 0; i < functions.Length; i++)
            {
                if (!ReferenceEquals(context.GetValue(functions[i]), sites[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public PartialShape Shape { get; } = shape;

        public ConcurrentDictionary<InputKey, Entry> Entries { get; } = new();

        /// <summary>Whether inputs with this key's hash came before (a rare collision only means keeping a text early).</summary>
        public bool SeenBefore(InputKey key)
        {
            var hash = key.GetHashCode();
            lock (seen)
            {
                return seen.Count >= MaxSeen ? seen.Contains(hash) : !seen.Add(hash);
            }
        }
    }

    private sealed class CharacterBudget(long limit)
    {
        private long used;

        public bool TryTake(int characters)
        {
            if (Interlocked.Add(ref used, characters) <= limit)
            {
                return true;
            }

            Interlocked.Add(ref used, -characters);
            return false;
        }
    }

    private sealed record Entry(string Text, object?[] Assigned);

    private readonly struct InputKey(object?[] values) : IEquatable<InputKey>
    {
        public object?[] Values { get; } = values;

        public bool Equals(InputKey other)
        {
            if (Values.Length != other.Values.Length)
            {
                return false;
            }

            for (var i = 0; i < Values.Length; i++)
            {
                if (!InputComparer.Same(Values[i], other.Values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is InputKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in Values)
            {
                hash.Add(InputComparer.Hash(value));
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>How inputs compare: text and plain values by value, model objects by identity.</summary>
    private static class InputComparer
    {
        /// <summary>
        /// Scriban's own arrays and objects are made by templates while they run and may be changed later in the page:
        /// a partial reading one is not memoized for that include.
        /// </summary>
        public static bool IsComparable(object? value) => value is not (IScriptObject or ScriptArray);

        public static bool Same(object? a, object? b) => (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (HtmlString x, HtmlString y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
            _ when a.GetType().IsValueType => a.GetType() == b.GetType() && a.Equals(b),
            _ => ReferenceEquals(a, b),
        };

        public static int Hash(object? value) => value switch
        {
            null => 0,
            string s => s.GetHashCode(StringComparison.Ordinal),
            HtmlString html => html.Value.GetHashCode(StringComparison.Ordinal),
            ValueType => value.GetHashCode(),
            _ => RuntimeHelpers.GetHashCode(value),
        };
    }
}
