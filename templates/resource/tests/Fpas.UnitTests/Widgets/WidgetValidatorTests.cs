using FluentValidation;
using Fpas.Application;
using Fpas.Application.Common.Models;
using Fpas.Application.Widgets;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.UnitTests.Widgets;

public sealed class WidgetValidatorTests
{
    private ServiceProvider _services = null!;
    private IValidator<CreateWidgetRequest> _create = null!;
    private IValidator<UpdateWidgetRequest> _update = null!;

    [SetUp]
    public void CreateValidators()
    {
        _services = new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider();
        _create = _services.GetRequiredService<IValidator<CreateWidgetRequest>>();
        _update = _services.GetRequiredService<IValidator<UpdateWidgetRequest>>();
    }

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [TestCase("a")]
    [TestCase("Widget 42")]
    [TestCase("日本語の名前")]
    [TestCase("tab\u00A0nbsp")]
    public async Task Create_WithValidName_Passes(string name) =>
        Assert.That((await _create.ValidateAsync(new CreateWidgetRequest(name))).IsValid, Is.True);

    [TestCase(null, TestName = "Create_WithNullName_FailsOnName")]
    [TestCase("", TestName = "Create_WithEmptyName_FailsOnName")]
    [TestCase("   ", TestName = "Create_WithBlankName_FailsOnName")]
    [TestCase("a\u0000b", TestName = "Create_WithNulInName_FailsOnName")]
    [TestCase("a\nb", TestName = "Create_WithNewlineInName_FailsOnName")]
    [TestCase("a\u001Fb", TestName = "Create_WithUnitSeparatorInName_FailsOnName")]
    [TestCase("a\u007Fb", TestName = "Create_WithDeleteInName_FailsOnName")]
    public async Task Create_WithInvalidName_FailsOnName(string? name)
    {
        var result = await _create.ValidateAsync(new CreateWidgetRequest(name));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Create_WithLoneSurrogateInName_FailsOnName()
    {
        var loneSurrogate = new string([(char)0xD800, 'a']);

        var result = await _create.ValidateAsync(new CreateWidgetRequest(loneSurrogate));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Create_NameLength_CountsCharactersNotUtf16Units()
    {
        var emoji = "\U0001F600"; // two UTF-16 units, one character
        var atLimit = await _create.ValidateAsync(new CreateWidgetRequest(string.Concat(Enumerable.Repeat(emoji, 64))));
        var overLimit = await _create.ValidateAsync(new CreateWidgetRequest(string.Concat(Enumerable.Repeat(emoji, 65))));

        Assert.Multiple(() =>
        {
            Assert.That(atLimit.IsValid, Is.True);
            Assert.That(overLimit.IsValid, Is.False);
        });
    }

    [Test]
    public async Task Create_Description_AllowsTenThousandCharactersAndNoMore()
    {
        var atLimit = await _create.ValidateAsync(new CreateWidgetRequest("n", new string('x', 10_000)));
        var overLimit = await _create.ValidateAsync(new CreateWidgetRequest("n", new string('x', 10_001)));

        Assert.Multiple(() =>
        {
            Assert.That(atLimit.IsValid, Is.True);
            Assert.That(overLimit.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "description" }));
        });
    }

    [Test]
    public async Task Create_DescriptionWithNul_Fails_ButOtherControlCharactersPass()
    {
        var nul = await _create.ValidateAsync(new CreateWidgetRequest("n", "a\u0000b"));
        var newline = await _create.ValidateAsync(new CreateWidgetRequest("n", "line\nline\ttab"));

        Assert.Multiple(() =>
        {
            Assert.That(nul.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "description" }));
            Assert.That(newline.IsValid, Is.True);
        });
    }

    [Test]
    public async Task Update_WithNothingPresent_Passes() =>
        Assert.That((await _update.ValidateAsync(new UpdateWidgetRequest())).IsValid, Is.True);

    [Test]
    public async Task Update_WithExplicitNullName_FailsOnName()
    {
        var result = await _update.ValidateAsync(new UpdateWidgetRequest { Name = new Optional<string?>(null) });

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Update_WithExplicitNullDescription_Passes() =>
        Assert.That((await _update.ValidateAsync(new UpdateWidgetRequest { Description = new Optional<string?>(null) })).IsValid, Is.True);

    [Test]
    public async Task Update_WithTooLongName_FailsOnNameWithWireName()
    {
        var result = await _update.ValidateAsync(new UpdateWidgetRequest { Name = new string('x', 65) });

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "name" }));
            Assert.That(result.Errors[0].ErrorMessage, Does.Contain("'name'"));
        });
    }
}
