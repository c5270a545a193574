using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Wahana.Web.Infrastructure.Pdf;

/// <summary>
/// How the PDF renderer reaches the application's own pages: over loopback to the address the server listens on
/// (or <see cref="PdfOptions.BaseAddress"/>). The integration tests, whose server lives in memory, put its
/// in-memory handler here instead.
/// </summary>
public class PrintPageTransport(IServer server, IOptions<PdfOptions> options)
{
    private readonly Lazy<HttpClient> _client = new(() => CreateLoopbackClient(server, options.Value));

    /// <summary>A client whose base address is the application itself; it keeps no cookies and follows no redirects.</summary>
    public virtual HttpClient Client => _client.Value;

    private static HttpClient CreateLoopbackClient(IServer server, PdfOptions options)
    {
        var address = options.BaseAddress is { Length: > 0 } configured
            ? new Uri(configured)
            : Loopback(server.Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException($"The server's address is unknown: set {PdfOptions.Section}:BaseAddress."));
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
    }

    /// <summary>
    /// The first listening address (http preferred), on loopback. A server listening on https only needs
    /// <see cref="PdfOptions.BaseAddress"/> with a name its certificate holds.
    /// </summary>
    private static Uri Loopback(ICollection<string> addresses)
    {
        var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException($"The server listens nowhere yet: set {PdfOptions.Section}:BaseAddress.");
        // Kestrel reports wildcards as http://[::]:80, http://0.0.0.0:80, http://+:80 or http://*:80.
        var wildcard = chosen.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(wildcard.TrimEnd('/') + "/");
    }
}
