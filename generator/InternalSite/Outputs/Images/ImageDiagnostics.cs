using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Model;

namespace InternalSite.Outputs.Images;

/// <summary>
/// Reports a bad image where a page shows it: at the image in the markdown (file, line, column), or at the front matter
/// for a page's <c>image:</c>. A missing file is already a broken link; this covers corrupt and unsupported images.
/// </summary>
public static class ImageDiagnostics
{
    public static void Report(ImageCatalog catalog, IEnumerable<InternalLink> links, IEnumerable<Page> pages, DiagnosticBag diagnostics)
    {
        foreach (var link in links)
        {
            if (catalog.Get(link.Route) is { Problem: { } problem } && catalog.IsReferencedAsImage(link.Route))
            {
                Add(diagnostics, link.At, problem, $"the image '{link.Written}'");
            }
        }

        foreach (var page in pages)
        {
            if (page.Image is { } image && catalog.Get(image) is { Problem: { } problem })
            {
                Add(diagnostics, page.SourceStart, problem, $"'image': the image '{page.Basics.Image}'");
            }
        }
    }

    private static void Add(DiagnosticBag diagnostics, SourceLocation at, ImageProblem problem, string subject)
    {
        var message = $"{subject} {problem.Message}";
        if (problem.IsError)
        {
            diagnostics.Error(at, DiagnosticCodes.Image, message);
        }
        else
        {
            diagnostics.Warning(at, DiagnosticCodes.Image, message);
        }
    }
}
