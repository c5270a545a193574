using System.Security.Cryptography;

namespace Wahana.Web.Infrastructure.Storage;

/// <summary>Configuration section Wahana:Storage.</summary>
public sealed class StorageOptions
{
    public const string Section = "Wahana:Storage";

    /// <summary>Where uploaded files live; outside wwwroot. Default: data/documents under the content root.</summary>
    public string? DocumentsPath { get; set; }
}

/// <summary>
/// Keeps uploaded files on disk outside wwwroot, each under its document id (never the user's file name), and
/// tells their real type from their first bytes.
/// </summary>
public sealed class DocumentStore(Microsoft.Extensions.Options.IOptions<StorageOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.GetFullPath(options.Value.DocumentsPath
        ?? Path.Combine(environment.ContentRootPath, "data", "documents"));

    /// <summary>application/pdf, image/jpeg or image/png from the content's signature; null for anything else.</summary>
    public static string? SniffContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        return null;
    }

    public async Task<string> SaveAsync(Guid id, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllBytesAsync(PathOf(id), content, cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    public Stream? Open(Guid id) => File.Exists(PathOf(id)) ? File.OpenRead(PathOf(id)) : null;

    public void Delete(Guid id) => File.Delete(PathOf(id));

    private string PathOf(Guid id) => Path.Combine(_root, id.ToString("N"));
}
