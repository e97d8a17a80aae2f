using AutoMapper;
using Fpas.Application;
using Fpas.Application.Common.Models;
using Fpas.Application.Items;
using Fpas.Domain.Items;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.UnitTests.Items;

public sealed class ItemMappingTests
{
    private ServiceProvider _services = null!;
    private IMapper _mapper = null!;

    [SetUp]
    public void CreateMapper()
    {
        _services = new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider();
        _mapper = _services.GetRequiredService<IMapper>();
    }

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [Test]
    public void MappingConfiguration_IsValid() =>
        Assert.DoesNotThrow(() => _mapper.ConfigurationProvider.AssertConfigurationIsValid());

    [Test]
    public void Item_MapsToResponse()
    {
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var item = new Item { Id = 7, Name = "n", Description = "d", IsActive = false, CreatedTimestamp = created };

        var response = _mapper.Map<ItemResponse>(item);

        Assert.That(response, Is.EqualTo(new ItemResponse(7, "n", "d", false, created)));
    }

    [Test]
    public void CreateRequest_MapsToNewItem_WithoutIdOrTimestamp()
    {
        var item = _mapper.Map<Item>(new CreateItemRequest("n", "d", IsActive: false));

        Assert.Multiple(() =>
        {
            Assert.That(item.Id, Is.Zero);
            Assert.That(item.Name, Is.EqualTo("n"));
            Assert.That(item.Description, Is.EqualTo("d"));
            Assert.That(item.IsActive, Is.False);
            Assert.That(item.CreatedTimestamp, Is.EqualTo(default(DateTimeOffset)));
        });
    }

    [Test]
    public void UpdateRequest_ChangesOnlyThePresentProperties()
    {
        var item = new Item { Id = 7, Name = "old", Description = "keep", IsActive = true };

        _mapper.Map(new UpdateItemRequest { Name = "new" }, item);

        Assert.Multiple(() =>
        {
            Assert.That(item.Id, Is.EqualTo(7));
            Assert.That(item.Name, Is.EqualTo("new"));
            Assert.That(item.Description, Is.EqualTo("keep"));
            Assert.That(item.IsActive, Is.True);
        });
    }

    [Test]
    public void UpdateRequest_WithExplicitNullDescription_ClearsIt()
    {
        var item = new Item { Id = 7, Name = "old", Description = "gone", IsActive = true };

        _mapper.Map(new UpdateItemRequest { Description = new Optional<string?>(null), IsActive = false }, item);

        Assert.Multiple(() =>
        {
            Assert.That(item.Name, Is.EqualTo("old"));
            Assert.That(item.Description, Is.Null);
            Assert.That(item.IsActive, Is.False);
        });
    }
}
