using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Tests.Support;

/// <summary>The PDF renderer reaches the application in memory: the test server has no socket to call over loopback.</summary>
public sealed class InMemoryPrintPageTransport(IServer server, IOptions<PdfOptions> options) : PrintPageTransport(server, options), IDisposable
{
    private readonly Lazy<HttpClient> _client = new(() => ((TestServer)server).CreateClient());

    public override HttpClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
