using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Wahana.Web.Infrastructure.Pdf;

public enum PdfOutcome
{
    /// <summary>The PDF is in <see cref="PdfResult.Pdf"/>.</summary>
    Rendered,

    /// <summary>No Chromium at the configured path: print from the browser instead.</summary>
    Unavailable,

    /// <summary>The page to print did not answer 200 (<see cref="PdfResult.PageStatus"/>): out of scope, signed out, ...</summary>
    PageFailed,

    /// <summary>Chromium failed or took too long.</summary>
    Failed,
}

public sealed record PdfResult(PdfOutcome Outcome, byte[]? Pdf = null, HttpStatusCode PageStatus = HttpStatusCode.OK);

/// <summary>
/// Prints the application's own printable pages to PDF (A4, backgrounds, "Halaman X dari Y" in the footer) with
/// headless Chromium driven by Playwright. Chromium is given a made-up origin and never touches the network: every
/// request it makes is answered here, from the application (<see cref="PrintPageTransport"/>), with the signed-in
/// user's cookie added on our side, so the user's credentials never enter the browser (docs/decisions/0011-pdf.md).
/// One browser is started on first use and kept; a few PDFs are made at a time.
/// </summary>
public sealed partial class PdfRenderer(IOptions<PdfOptions> options, PrintPageTransport transport, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    /// <summary>The origin Chromium believes it loads from; it never resolves (RFC 6761 .invalid).</summary>
    public const string VirtualOrigin = "http://wahana-cetak.invalid";

    private const string FooterTemplate =
        "<div style=\"width:100%;font-family:sans-serif;font-size:8pt;color:#000;text-align:right;padding:0 12mm;\">"
        + "Halaman <span class=\"pageNumber\"></span> dari <span class=\"totalPages\"></span></div>";

    // The footer above numbers the pages; the print CSS's own page numbers (for the browser's print) are dropped.
    private const string PdfStyle = "@page laporan { @bottom-right { content: none; } } @page { @bottom-right { content: none; } }";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly SemaphoreSlim _renders = new(2, 2);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ChromiumPath => options.Value.ResolvedChromiumPath;

    /// <summary>Whether PDF can be made here: Chromium is installed at the configured path.</summary>
    public bool IsAvailable => File.Exists(ChromiumPath);

    /// <summary>
    /// Prints the application's page at <paramref name="pathAndQuery"/> (a path of ours, never a user's URL) as the
    /// user whose <paramref name="cookieHeader"/> is given would see it.
    /// </summary>
    public async Task<PdfResult> RenderPageAsync(string pathAndQuery, string? cookieHeader, string? host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only the application's own paths are printed.", nameof(pathAndQuery));
        }
        if (!IsAvailable)
        {
            return new PdfResult(PdfOutcome.Unavailable);
        }
        using var document = await FetchAsync(pathAndQuery, cookieHeader, host, cancellationToken);
        if (document.StatusCode != HttpStatusCode.OK)
        {
            return new PdfResult(PdfOutcome.PageFailed, PageStatus: document.StatusCode);
        }
        var body = await document.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = document.Content.Headers.ContentType?.ToString() ?? "text/html; charset=utf-8";
        return await PrintAsync(pathAndQuery, body, contentType, cookieHeader, host, cancellationToken);
    }

    /// <summary>Prints a document given as HTML; its style sheets and images come from the application, anonymously.</summary>
    public async Task<PdfResult> RenderHtmlAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!IsAvailable)
        {
            return new PdfResult(PdfOutcome.Unavailable);
        }
        return await PrintAsync("/cetak.html", System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", null, null, cancellationToken);
    }

    private async Task<HttpResponseMessage> FetchAsync(string pathAndQuery, string? cookieHeader, string? host, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/'));
        if (!string.IsNullOrEmpty(cookieHeader))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        }
        if (!string.IsNullOrEmpty(host))
        {
            request.Headers.Host = host;
        }
        return await transport.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private async Task<PdfResult> PrintAsync(
        string documentPath, byte[] document, string contentType, string? cookieHeader, string? host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        await _renders.WaitAsync(timeout.Token);
        IBrowserContext? context = null;
        try
        {
            var browser = await BrowserAsync(timeout.Token);
            context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "id-ID",
                TimezoneId = "Asia/Jakarta",
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            context.SetDefaultTimeout(options.Value.TimeoutSeconds * 1000f);
            await context.RouteAsync("**/*", route => AnswerAsync(route, documentPath, document, contentType, cookieHeader, host, timeout.Token));
            var page = await context.NewPageAsync();
            await page.GotoAsync(VirtualOrigin + documentPath, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = PdfStyle });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = FooterTemplate,
                Margin = new Margin { Top = "15mm", Right = "12mm", Bottom = "18mm", Left = "12mm" },
            });
            return new PdfResult(PdfOutcome.Rendered, pdf);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, documentPath, e);
            return new PdfResult(PdfOutcome.Failed);
        }
        finally
        {
            if (context is not null)
            {
                await context.CloseAsync();
            }
            _renders.Release();
        }
    }

    /// <summary>Answers Chromium's requests: the document, and the application's style sheets, fonts and images; nothing else.</summary>
    private async Task AnswerAsync(
        IRoute route, string documentPath, byte[] document, string contentType, string? cookieHeader, string? host, CancellationToken cancellationToken)
    {
        var request = route.Request;
        if (!request.Url.StartsWith(VirtualOrigin + "/", StringComparison.Ordinal) || request.Method != "GET")
        {
            await route.AbortAsync("blockedbyclient");
            return;
        }
        var pathAndQuery = request.Url[VirtualOrigin.Length..];
        if (pathAndQuery == documentPath)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = contentType, BodyBytes = document });
            return;
        }
        try
        {
            using var response = await FetchAsync(pathAndQuery, cookieHeader, host, cancellationToken);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                BodyBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken),
            });
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, pathAndQuery, e);
            await route.AbortAsync("failed");
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } running)
            {
                return running;
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
            // Never download a browser: Chromium is the system's.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = options.Value.TimeoutSeconds * 1000f,
            });
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _launch.Dispose();
        _renders.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF of {Path} failed")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
