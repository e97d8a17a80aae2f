using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Fpas.Api.Idempotency;

/// <summary>
/// SHA-256 of a request's method, path (without a trailing slash, case-folded, as routing matches it) and body:
/// what tells a repeat of a request from another request under the same idempotency key. The body is buffered,
/// so that model binding reads it again.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<byte[]> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var path = (request.PathBase + request.Path).Value?.TrimEnd('/').ToUpperInvariant() ?? string.Empty;
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{path}\n"));

        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
