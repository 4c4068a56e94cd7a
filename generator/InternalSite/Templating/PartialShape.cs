using Scriban;
using Scriban.Syntax;

namespace InternalSite.Templating;

/// <summary>
/// What a partial's output depends on, found by reading its syntax tree (and those of the partials it includes):
/// the variables and member paths it reads from outside (<see cref="Inputs"/>) and the variables it assigns
/// (<see cref="Assigned"/>, which stay set after the include). A partial whose output is a function of those inputs
/// alone can be rendered once per distinct inputs (see <see cref="PartialMemo"/>). Anything the reading does not
/// understand (captures, custom functions held in variables, <c>$</c> arguments, member assignments, date functions
/// that read the clock…) makes the partial <see cref="Unknown"/>: it is then always evaluated as written.
/// </summary>
internal sealed class PartialShape
{
    // Scriban's built-in modules whose functions compute from their arguments alone. Not `date` (date.now), `object`
    // (object.eval runs text as a template) or math.random/math.uuid.
    private static readonly HashSet<string> PureModules = new(StringComparer.Ordinal) { "string", "array", "html", "math", "regex" };
    private static readonly HashSet<string> ImpureMembers = new(StringComparer.Ordinal) { "random", "uuid" };
    private static readonly HashSet<string> OtherModules = new(StringComparer.Ordinal) { "date", "object", "timespan" };
    private static readonly HashSet<string> LoopVariables = new(StringComparer.Ordinal) { "for", "while", "tablerow" };

    private PartialShape(IReadOnlyList<ScriptExpression> inputs, IReadOnlyList<string> assigned, IReadOnlyList<string> functions)
    {
        Inputs = inputs;
        Assigned = assigned;
        Functions = functions;
    }

    /// <summary>A partial that cannot be reasoned about.</summary>
    public static PartialShape Unknown { get; } = new([], [], []) { IsKnown = false };

    public bool IsKnown { get; private init; } = true;

    /// <summary>Expressions (a variable, or a chain of constant member names from one) whose values decide the output.</summary>
    public IReadOnlyList<ScriptExpression> Inputs { get; }

    /// <summary>Variables the partial assigns, whose values after the include are part of its effect.</summary>
    public IReadOnlyList<string> Assigned { get; }

    /// <summary>
    /// The global functions and modules the partial calls. A page may assign a variable of the same name; the
    /// partial then reads that instead, so the memo checks these still hold the site's functions.
    /// </summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>
    /// Reads <paramref name="page"/>. <paramref name="pureFunctions"/> are the global functions that compute from their
    /// arguments and the site alone; <paramref name="partial"/> returns the parsed partial an include names, or null.
    /// </summary>
    public static PartialShape Of(ScriptPage page, IReadOnlySet<string> pureFunctions, Func<string, ScriptPage?> partial)
    {
        var reader = new Reader(pureFunctions, partial);
        try
        {
            reader.Page(page, depth: 0);
        }
        catch (NotUnderstoodException)
        {
            return Unknown;
        }

        // A variable the partial assigns only on some paths keeps its earlier value on the others: that value is an input.
        foreach (var name in reader.AssignedAnywhere)
        {
            if (!reader.AssignedAlways.Contains(name))
            {
                reader.AddInput(new ScriptVariableGlobal(name));
            }
        }

        return new PartialShape(reader.Inputs, reader.AssignedAnywhere.Order(StringComparer.Ordinal).ToArray(),
            reader.Functions.Order(StringComparer.Ordinal).ToArray());
    }

    private sealed class NotUnderstoodException : Exception;

    private sealed class Reader(IReadOnlySet<string> pureFunctions, Func<string, ScriptPage?> partial)
    {
        private const int MaxIncludeDepth = 8;

        private readonly Dictionary<string, ScriptExpression> inputs = new(StringComparer.Ordinal);

        // Names bound while reading: loop variables inside their loop, and variables assigned on every path so far.
        private readonly List<HashSet<string>> scopes = [new(StringComparer.Ordinal)];
        private int conditional;

        public IReadOnlyList<ScriptExpression> Inputs => inputs.Values.ToArray();

        public HashSet<string> AssignedAnywhere { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Functions { get; } = new(StringComparer.Ordinal);

        public HashSet<string> AssignedAlways { get; } = new(StringComparer.Ordinal);

        public void AddInput(ScriptExpression expression) => inputs.TryAdd(expression.ToString() ?? string.Empty, expression);

        public void Page(ScriptPage page, int depth)
        {
            if (page.FrontMatter is not null || depth > MaxIncludeDepth)
            {
                throw new NotUnderstoodException();
            }

            Node(page.Body, depth);
        }

        private void Node(ScriptNode? node, int depth)
        {
            switch (node)
            {
                case null:
                case ScriptRawStatement or ScriptEscapeStatement or ScriptEndStatement or ScriptNopStatement:
                case ScriptKeyword or ScriptToken or ScriptLiteral:
                    return;
                case ScriptBlockStatement block:
                    foreach (var statement in block.Statements)
                    {
                        Node(statement, depth);
                    }

                    return;
                case ScriptExpressionStatement statement:
                    Expression(statement.Expression, depth);
                    return;
                case ScriptIfStatement ifStatement:
                    Expression(ifStatement.Condition, depth);
                    Branch(ifStatement.Then, depth);
                    Branch(ifStatement.Else, depth);
                    return;
                case ScriptElseStatement elseStatement:
                    Branch(elseStatement.Body, depth);
                    return;
                case ScriptCaseStatement caseStatement:
                    Expression(caseStatement.Value, depth);
                    Branch(caseStatement.Body, depth);
                    return;
                case ScriptWhenStatement whenStatement:
                    foreach (var value in whenStatement.Values)
                    {
                        Expression(value, depth);
                    }

                    Branch(whenStatement.Body, depth);
                    Branch(whenStatement.Next, depth);
                    return;
                case ScriptForStatement { Variable: ScriptVariableGlobal variable } loop:
                    Expression(loop.Iterator, depth);
                    foreach (var argument in loop.NamedArguments ?? [])
                    {
                        Expression(argument, depth);
                    }

                    scopes.Add(new HashSet<string>(StringComparer.Ordinal) { variable.Name, "for" });
                    Branch(loop.Body, depth);
                    scopes.RemoveAt(scopes.Count - 1);
                    Branch(loop.Else, depth);
                    return;
                default:
                    throw new NotUnderstoodException();
            }
        }

        private void Branch(ScriptNode? node, int depth)
        {
            // What a branch assigns holds only within it; a loop body is a branch too (it may not run).
            conditional++;
            scopes.Add(new HashSet<string>(StringComparer.Ordinal));
            Node(node, depth);
            scopes.RemoveAt(scopes.Count - 1);
            conditional--;
        }

        private bool IsBound(string name) => scopes.Any(scope => scope.Contains(name));

        private void Expression(ScriptExpression? expression, int depth)
        {
            switch (expression)
            {
                case null or ScriptLiteral:
                    return;
                case ScriptVariableGlobal variable:
                    Variable(variable);
                    return;
                case ScriptMemberExpression member:
                    Member(member, depth);
                    return;
                case ScriptNestedExpression nested:
                    Expression(nested.Expression, depth);
                    return;
                case ScriptUnaryExpression unary:
                    Expression(unary.Right, depth);
                    return;
                case ScriptBinaryExpression binary:
                    Expression(binary.Left, depth);
                    Expression(binary.Right, depth);
                    return;
                case ScriptConditionalExpression conditionalExpression:
                    Expression(conditionalExpression.Condition, depth);
                    Expression(conditionalExpression.ThenValue, depth);
                    Expression(conditionalExpression.ElseValue, depth);
                    return;
                case ScriptIndexerExpression indexer:
                    Expression(indexer.Target, depth);
                    Expression(indexer.Index, depth);
                    return;
                case ScriptArrayInitializerExpression array:
                    foreach (var value in array.Values)
                    {
                        Expression(value, depth);
                    }

                    return;
                case ScriptObjectInitializerExpression initializer:
                    foreach (var member in initializer.Members)
                    {
                        if (member.Name is not (ScriptVariable or ScriptLiteral))
                        {
                            throw new NotUnderstoodException();
                        }

                        Expression(member.Value, depth);
                    }

                    return;
                case ScriptNamedArgument named:
                    Expression(named.Value, depth);
                    return;
                case ScriptPipeCall pipe:
                    Expression(pipe.From, depth);
                    if (pipe.To is ScriptFunctionCall piped)
                    {
                        Call(piped, depth);
                    }
                    else
                    {
                        Callable(pipe.To);
                    }

                    return;
                case ScriptFunctionCall call:
                    Call(call, depth);
                    return;
                case ScriptAssignExpression { Target: ScriptVariableGlobal target } assign when !IsConstantName(target.Name):
                    Expression(assign.Value, depth);
                    AssignedAnywhere.Add(target.Name);
                    scopes[^1].Add(target.Name);
                    if (conditional == 0)
                    {
                        AssignedAlways.Add(target.Name);
                    }

                    return;
                default:
                    throw new NotUnderstoodException();
            }
        }

        private bool IsConstantName(string name) =>
            pureFunctions.Contains(name) || PureModules.Contains(name) || OtherModules.Contains(name) || name == "include" || LoopVariables.Contains(name);

        private void Variable(ScriptVariableGlobal variable)
        {
            if (IsBound(variable.Name))
            {
                return;
            }

            if (pureFunctions.Contains(variable.Name))
            {
                Functions.Add(variable.Name);
                return;
            }

            if (LoopVariables.Contains(variable.Name) || PureModules.Contains(variable.Name) || OtherModules.Contains(variable.Name) || variable.Name == "include")
            {
                // A loop's state outside any loop of the partial is the caller's; a bare module or include is unusual.
                throw new NotUnderstoodException();
            }

            AddInput(variable);
        }

        private void Member(ScriptMemberExpression member, int depth)
        {
            var root = member.Target;
            while (root is ScriptMemberExpression inner)
            {
                root = inner.Target;
            }

            if (root is not ScriptVariableGlobal variable)
            {
                Expression(member.Target, depth);
                return;
            }

            if (PureModules.Contains(variable.Name))
            {
                Callable(member);
                return;
            }

            if (IsBound(variable.Name))
            {
                return;
            }

            if (LoopVariables.Contains(variable.Name) || OtherModules.Contains(variable.Name) || pureFunctions.Contains(variable.Name) || variable.Name == "include")
            {
                throw new NotUnderstoodException();
            }

            AddInput(member);
        }

        private void Call(ScriptFunctionCall call, int depth)
        {
            if (call.Target is ScriptVariableGlobal { Name: "include" })
            {
                if (call.Arguments.Count != 1 || call.Arguments[0] is not ScriptLiteral { Value: string name } || partial(name) is not { } included)
                {
                    throw new NotUnderstoodException();
                }

                Page(included, depth + 1);
                return;
            }

            Callable(call.Target);
            foreach (var argument in call.Arguments)
            {
                Expression(argument, depth);
            }
        }

        private void Callable(ScriptExpression? target)
        {
            var pure = target switch
            {
                ScriptVariableGlobal function => pureFunctions.Contains(function.Name) && !IsBound(function.Name),
                ScriptMemberExpression { Target: ScriptVariableGlobal module, Member: { } function } =>
                    PureModules.Contains(module.Name) && !IsBound(module.Name) && !ImpureMembers.Contains(function.Name),
                _ => false,
            };
            if (!pure)
            {
                throw new NotUnderstoodException();
            }

            Functions.Add(target is ScriptMemberExpression { Target: ScriptVariableGlobal used } ? used.Name : ((ScriptVariableGlobal)target!).Name);
        }
    }
}
