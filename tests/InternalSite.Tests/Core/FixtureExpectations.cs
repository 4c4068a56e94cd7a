namespace InternalSite.Tests.Core;

/// <summary>
/// What a fixture's <c>expected.txt</c> says. It is split by <c>-- name --</c> lines like <c>site.txt</c>:
/// <list type="bullet">
/// <item><c>-- options --</c>: <c>drafts</c>, <c>future</c>, <c>base-url: URL</c>, <c>now: 2026-11-01T12:00:00Z</c>.</item>
/// <item><c>-- diagnostics --</c>: every diagnostic of the build, exactly, in the builder's order. Without this
/// section the build must report nothing at all.</item>
/// <item><c>-- path/in/output --</c>: lines the file must contain; <c>!text</c> must not occur; <c>@order a | b | c</c>
/// must occur in this order; <c>\</c> escapes a line starting with one of these. <c>-- !path --</c>: the file must
/// not exist.</item>
/// </list>
/// Blank lines and lines starting with <c>#</c> (outside diagnostics) are ignored.
/// </summary>
public sealed record FixtureExpectations(
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string>? Diagnostics,
    IReadOnlyList<FileExpectation> Files)
{
    public static FixtureExpectations Parse(string text)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? diagnostics = null;
        var files = new List<FileExpectation>();
        string? section = null;
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.StartsWith("-- ", StringComparison.Ordinal) && raw.EndsWith(" --", StringComparison.Ordinal) && raw.Length > 6)
            {
                Flush();
                section = raw[3..^3].Trim();
                continue;
            }

            lines.Add(raw);
        }

        Flush();
        return new FixtureExpectations(options, diagnostics, files);

        void Flush()
        {
            var meaningful = lines.Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToList();
            lines.Clear();
            switch (section)
            {
                case null:
                    break;
                case "options":
                    foreach (var line in meaningful)
                    {
                        var colon = line.IndexOf(':');
                        if (colon < 0)
                        {
                            options[line.Trim()] = "true";
                        }
                        else
                        {
                            options[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                        }
                    }

                    break;
                case "diagnostics":
                    diagnostics = meaningful.Select(l => l.TrimEnd()).ToList();
                    break;
                default:
                    files.Add(FileExpectation.Parse(section, meaningful));
                    break;
            }
        }
    }
}

/// <summary>The assertions about one output file.</summary>
public sealed record FileExpectation(string Path, bool MustExist, IReadOnlyList<string> Contains, IReadOnlyList<string> Absent, IReadOnlyList<string[]> Orders)
{
    public static FileExpectation Parse(string section, IReadOnlyList<string> lines)
    {
        var mustExist = !section.StartsWith('!');
        var contains = new List<string>();
        var absent = new List<string>();
        var orders = new List<string[]>();
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.StartsWith('\\'))
            {
                contains.Add(line[1..]);
            }
            else if (line.StartsWith('!'))
            {
                absent.Add(line[1..]);
            }
            else if (line.StartsWith("@order ", StringComparison.Ordinal))
            {
                orders.Add(line["@order ".Length..].Split(" | ").Select(p => p.Trim()).ToArray());
            }
            else
            {
                contains.Add(line);
            }
        }

        return new FileExpectation(mustExist ? section : section[1..], mustExist, contains, absent, orders);
    }
}
