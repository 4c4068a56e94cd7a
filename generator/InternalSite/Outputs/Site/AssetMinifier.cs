using System.Text;
using System.Text.RegularExpressions;

namespace InternalSite.Outputs.Site;

/// <summary>
/// Takes what only a reader of the source needs out of theme CSS and JS (comments, indentation, blank lines), so
/// the portal ships the theme's comments in its repository, not to every browser. Deliberately conservative: it
/// keeps line breaks (so JavaScript's automatic semicolons still apply), and leaves alone any script with a
/// template literal, whose text could span lines.
/// </summary>
public static partial class AssetMinifier
{
    public static byte[] Minify(string path, byte[] bytes)
    {
        var extension = Path.GetExtension(path);
        if (extension is not (".css" or ".js"))
        {
            return bytes;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (extension == ".js" && text.Contains('`'))
        {
            return bytes;
        }

        if (extension == ".css")
        {
            text = CssComment().Replace(text, string.Empty);
        }

        var kept = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !(extension == ".js" && line.StartsWith("//", StringComparison.Ordinal)));
        return Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
