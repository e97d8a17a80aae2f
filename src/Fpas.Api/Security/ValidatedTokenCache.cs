using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// Remembers the principal of each bearer token that passed validation, keyed by the whole token (signature included),
/// until the token expires or <see cref="ValidatedTokenCacheOptions.MaxAge"/> passes, whichever comes first; a client
/// that sends the same token again skips the signature check and the parsing (ADR 17). Each hit gets its own copy of
/// the principal, so nothing done to one request's user reaches another's.
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    private readonly ValidatedTokenCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly MemoryCache? _entries;

    public ValidatedTokenCache(IOptions<ValidatedTokenCacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _entries = _options.MaxEntries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.MaxEntries }) : null;
    }

    public bool Enabled => _entries is not null;

    /// <summary>A copy of the principal remembered for <paramref name="token"/>, while the token is still valid.</summary>
    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (_entries is not null && _entries.TryGetValue(token, out Entry? entry) && entry is not null)
        {
            if (_time.GetUtcNow() < entry.Expires)
            {
                principal = Copy(entry.Principal);
                return true;
            }

            _entries.Remove(token);
        }

        principal = null!;
        return false;
    }

    /// <summary>Remembers a validated token's principal until <paramref name="validTo"/> (UTC) or the maximum age.</summary>
    public void Add(string token, ClaimsPrincipal principal, DateTime validTo)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (_entries is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        if (expires > now + _options.MaxAge)
        {
            expires = now + _options.MaxAge;
        }

        // A token without expiry (DateTime.MinValue) or already expired lies in the past: not remembered.
        if (expires > now)
        {
            // Relative, because the cache evicts by its own clock; TryGet decides by this class's.
            _entries.Set(token, new Entry(Copy(principal), expires),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = expires - now });
        }
    }

    /// <summary>Wraps the bearer handler's events: a remembered token succeeds at once, a newly validated one is remembered.</summary>
    public void AttachTo(JwtBearerEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!Enabled)
        {
            return;
        }

        var messageReceived = events.OnMessageReceived;
        events.OnMessageReceived = async context =>
        {
            await messageReceived(context);
            if (context.Result is null && (context.Token ?? BearerToken(context.Request)) is { } token && TryGet(token, out var principal))
            {
                context.Principal = principal;
                context.Success();
            }
        };

        var tokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is null && context.Principal is { } principal
                && context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token)
            {
                Add(token.EncodedToken, principal, token.ValidTo);
            }
        };
    }

    public void Dispose() => _entries?.Dispose();

    /// <summary>A deep copy: <see cref="ClaimsPrincipal.Clone"/> shares the identities, and with them their claims.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    /// <summary>The token of a <c>Bearer</c> <c>Authorization</c> header (a miss only means the handler validates it).</summary>
    private static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
        && header.Scheme.Equals(JwtBearerDefaults.AuthenticationScheme, StringComparison.OrdinalIgnoreCase) ? header.Parameter : null;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Expires);
}
