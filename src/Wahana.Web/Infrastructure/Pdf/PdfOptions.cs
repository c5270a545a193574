namespace Wahana.Web.Infrastructure.Pdf;

/// <summary>
/// Configuration section Wahana:Pdf: where headless Chromium is (PDF of the printable pages is offered when the file
/// exists) and, where the server's own address cannot be found, where the renderer reaches the application.
/// </summary>
public sealed class PdfOptions
{
    public const string Section = "Wahana:Pdf";

    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The Chromium (or Chrome) executable; default /usr/bin/chromium (Debian's chromium package).</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>
    /// The application's own base address as the renderer should call it (e.g. http://127.0.0.1:5080); default the
    /// first address the server listens on, with a wildcard host turned into 127.0.0.1.
    /// </summary>
    public string? BaseAddress { get; set; }

    /// <summary>How long one PDF may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public string ResolvedChromiumPath => string.IsNullOrWhiteSpace(ChromiumPath) ? DefaultChromiumPath : ChromiumPath;
}
