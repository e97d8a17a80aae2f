using System.Security.Claims;
using Fpas.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Fpas.UnitTests.Security;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private ManualTime _time = null!;

    [SetUp]
    public void StartTheClock() => _time = new ManualTime();

    [Test]
    public void AValidatedToken_IsRemembered_AsACopyOfItsPrincipal()
    {
        using var cache = Cache();
        var principal = Principal("items:write");
        cache.Add("token-a", principal, Now.AddMinutes(1).UtcDateTime);

        var found = cache.TryGet("token-a", out var remembered);

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(remembered, Is.Not.SameAs(principal));
            Assert.That(remembered.FindFirst("scope")?.Value, Is.EqualTo("items:write"));
            Assert.That(cache.TryGet("token-b", out _), Is.False, "another token");
        });
    }

    [Test]
    public void AChangeToOneRequestsPrincipal_DoesNotReachTheNext()
    {
        using var cache = Cache();
        cache.Add("token-a", Principal("items:write"), Now.AddMinutes(1).UtcDateTime);

        cache.TryGet("token-a", out var first);
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("scope", "admin"));
        cache.TryGet("token-a", out var second);

        Assert.That(second.FindAll("scope").Select(claim => claim.Value), Is.EqualTo(new[] { "items:write" }));
    }

    [Test]
    public void AToken_IsForgotten_WhenItExpires()
    {
        using var cache = Cache();
        cache.Add("token-a", Principal("items:write"), Now.AddSeconds(30).UtcDateTime);

        _time.Advance(TimeSpan.FromSeconds(29));
        var before = cache.TryGet("token-a", out _);
        _time.Advance(TimeSpan.FromSeconds(1));
        var at = cache.TryGet("token-a", out _);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.True);
            Assert.That(at, Is.False, "at its expiry the token is validated again (and then refused)");
        });
    }

    [Test]
    public void AToken_IsForgotten_AfterTheMaximumAge_EvenIfItLivesLonger()
    {
        using var cache = Cache(maxAge: TimeSpan.FromMinutes(5));
        cache.Add("token-a", Principal("items:write"), Now.AddHours(1).UtcDateTime);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.That(cache.TryGet("token-a", out _), Is.False);
    }

    [Test]
    public void ATokenWithoutExpiry_OrAlreadyExpired_IsNotRemembered()
    {
        using var cache = Cache();
        cache.Add("no-expiry", Principal("items:write"), DateTime.MinValue);
        cache.Add("expired", Principal("items:write"), Now.AddSeconds(-1).UtcDateTime);

        Assert.Multiple(() =>
        {
            Assert.That(cache.TryGet("no-expiry", out _), Is.False);
            Assert.That(cache.TryGet("expired", out _), Is.False);
        });
    }

    [Test]
    public void WithNoEntries_NothingIsRemembered()
    {
        using var cache = Cache(maxEntries: 0);
        cache.Add("token-a", Principal("items:write"), Now.AddMinutes(1).UtcDateTime);

        Assert.Multiple(() =>
        {
            Assert.That(cache.Enabled, Is.False);
            Assert.That(cache.TryGet("token-a", out _), Is.False);
        });
    }

    [TestCase("Bearer token-a", true)]
    [TestCase("bearer   token-a  ", true)]
    [TestCase("Bearer token-b", false)]
    [TestCase("Basic token-a", false)]
    [TestCase("Bearer", false)]
    [TestCase("token-a", false)]
    public async Task TheBearerHandler_TakesARememberedTokenFromTheHeader_WithoutValidatingIt(string authorization, bool remembered)
    {
        using var cache = Cache();
        cache.Add("token-a", Principal("items:write"), Now.AddMinutes(1).UtcDateTime);
        var events = new JwtBearerEvents();
        cache.AttachTo(events);
        var http = new DefaultHttpContext();
        http.Request.Headers.Authorization = authorization;
        var context = new MessageReceivedContext(http, new AuthenticationScheme("Bearer", null, typeof(JwtBearerHandler)), new JwtBearerOptions());

        await events.MessageReceived(context);

        Assert.That(context.Result?.Succeeded == true, Is.EqualTo(remembered));
    }

    [TestCase(-1, 300)]
    [TestCase(10, 0)]
    public void InvalidSettings_AreRejected(int maxEntries, int maxAgeSeconds) =>
        Assert.That(new ValidatedTokenCacheOptions { MaxEntries = maxEntries, MaxAge = TimeSpan.FromSeconds(maxAgeSeconds) }.IsValid, Is.False);

    private ValidatedTokenCache Cache(int maxEntries = 100, TimeSpan? maxAge = null) =>
        new(Options.Create(new ValidatedTokenCacheOptions { MaxEntries = maxEntries, MaxAge = maxAge ?? TimeSpan.FromMinutes(5) }), _time);

    private static ClaimsPrincipal Principal(string scope) =>
        new(new ClaimsIdentity([new Claim("sub", "user-1"), new Claim("scope", scope)], "Bearer"));

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = Now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
