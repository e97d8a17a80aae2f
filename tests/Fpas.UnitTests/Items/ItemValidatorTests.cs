using FluentValidation;
using Fpas.Application;
using Fpas.Application.Common.Models;
using Fpas.Application.Items;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.UnitTests.Items;

public sealed class ItemValidatorTests
{
    private ServiceProvider _services = null!;
    private IValidator<CreateItemRequest> _create = null!;
    private IValidator<UpdateItemRequest> _update = null!;

    [SetUp]
    public void CreateValidators()
    {
        _services = new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider();
        _create = _services.GetRequiredService<IValidator<CreateItemRequest>>();
        _update = _services.GetRequiredService<IValidator<UpdateItemRequest>>();
    }

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [TestCase("a")]
    [TestCase("Widget 42")]
    [TestCase("日本語の名前")]
    [TestCase("tab\u00A0nbsp")]
    public async Task Create_WithValidName_Passes(string name) =>
        Assert.That((await _create.ValidateAsync(new CreateItemRequest(name))).IsValid, Is.True);

    [TestCase(null, TestName = "Create_WithNullName_FailsOnName")]
    [TestCase("", TestName = "Create_WithEmptyName_FailsOnName")]
    [TestCase("   ", TestName = "Create_WithBlankName_FailsOnName")]
    [TestCase("a\u0000b", TestName = "Create_WithNulInName_FailsOnName")]
    [TestCase("a\nb", TestName = "Create_WithNewlineInName_FailsOnName")]
    [TestCase("a\u001Fb", TestName = "Create_WithUnitSeparatorInName_FailsOnName")]
    [TestCase("a\u007Fb", TestName = "Create_WithDeleteInName_FailsOnName")]
    public async Task Create_WithInvalidName_FailsOnName(string? name)
    {
        var result = await _create.ValidateAsync(new CreateItemRequest(name));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    // Built in code: a lone surrogate cannot be written to a test report, so the cases are named by where it is.
    private static readonly Dictionary<string, string> LoneSurrogates = new()
    {
        ["high surrogate first"] = new string([(char)0xD800, 'a']),
        ["low surrogate after a letter"] = new string(['a', (char)0xDC00]),
        ["high surrogate last"] = new string(['a', 'b', (char)0xD83D]),
    };

    [TestCase("high surrogate first")]
    [TestCase("low surrogate after a letter")]
    [TestCase("high surrogate last")]
    public async Task Create_WithLoneSurrogateInName_FailsOnName(string where)
    {
        var result = await _create.ValidateAsync(new CreateItemRequest(LoneSurrogates[where]));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Create_NameLength_CountsCharactersNotUtf16Units()
    {
        var emoji = "\U0001F600"; // two UTF-16 units, one character
        var atLimit = await _create.ValidateAsync(new CreateItemRequest(string.Concat(Enumerable.Repeat(emoji, 64))));
        var overLimit = await _create.ValidateAsync(new CreateItemRequest(string.Concat(Enumerable.Repeat(emoji, 65))));

        Assert.Multiple(() =>
        {
            Assert.That(atLimit.IsValid, Is.True);
            Assert.That(overLimit.IsValid, Is.False);
        });
    }

    [Test]
    public async Task Create_Description_AllowsTenThousandCharactersAndNoMore()
    {
        var atLimit = await _create.ValidateAsync(new CreateItemRequest("n", new string('x', 10_000)));
        var overLimit = await _create.ValidateAsync(new CreateItemRequest("n", new string('x', 10_001)));

        Assert.Multiple(() =>
        {
            Assert.That(atLimit.IsValid, Is.True);
            Assert.That(overLimit.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "description" }));
        });
    }

    [Test]
    public async Task Create_DescriptionWithNul_Fails_ButOtherControlCharactersPass()
    {
        var nul = await _create.ValidateAsync(new CreateItemRequest("n", "a\u0000b"));
        var newline = await _create.ValidateAsync(new CreateItemRequest("n", "line\nline\ttab"));

        Assert.Multiple(() =>
        {
            Assert.That(nul.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "description" }));
            Assert.That(newline.IsValid, Is.True);
        });
    }

    [Test]
    public async Task Update_WithNothingPresent_Passes() =>
        Assert.That((await _update.ValidateAsync(new UpdateItemRequest())).IsValid, Is.True);

    [Test]
    public async Task Update_WithExplicitNullName_FailsOnName()
    {
        var result = await _update.ValidateAsync(new UpdateItemRequest { Name = new Optional<string?>(null) });

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Update_WithExplicitNullDescription_Passes() =>
        Assert.That((await _update.ValidateAsync(new UpdateItemRequest { Description = new Optional<string?>(null) })).IsValid, Is.True);

    [Test]
    public async Task Update_WithNulInDescription_FailsOnDescription()
    {
        var result = await _update.ValidateAsync(new UpdateItemRequest { Description = "a\u0000b" });

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "description" }));
    }

    [Test]
    public async Task Update_WithTooLongName_FailsOnNameWithWireName()
    {
        var result = await _update.ValidateAsync(new UpdateItemRequest { Name = new string('x', 65) });

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
            Assert.That(result.Errors[0].ErrorMessage, Does.Contain("'name'"));
        });
    }
}
