using AutoMapper;
using Fpas.Application;
using Fpas.Application.Common.Models;
using Fpas.Application.Common.Persistence;
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

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(7));
            Assert.That(response.Name, Is.EqualTo("n"));
            Assert.That(response.Description, Is.EqualTo("d"));
            Assert.That(response.IsActive, Is.False);
            Assert.That(response.CreatedTimestamp, Is.EqualTo(created));
        });
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
    public void UpdateRequest_PatchesOnlyThePresentProperties()
    {
        var patch = _mapper.Map<EntityPatch<Item>>(new UpdateItemRequest { Name = "new" });

        Assert.That(patch.Values, Is.EqualTo(new[] { new PropertyValue(nameof(Item.Name), "new") }));
    }

    [Test]
    public void UpdateRequest_WithExplicitNullDescription_PatchesItToNull()
    {
        var patch = _mapper.Map<EntityPatch<Item>>(new UpdateItemRequest { Description = new Optional<string?>(null), IsActive = false });

        Assert.That(patch.Values, Is.EqualTo(new[]
        {
            new PropertyValue(nameof(Item.Description), null),
            new PropertyValue(nameof(Item.IsActive), false),
        }));
    }

    [Test]
    public void UpdateRequest_WithEveryPropertyPresent_PatchesEveryOne()
    {
        var request = new UpdateItemRequest();
        foreach (var property in typeof(UpdateItemRequest).GetProperties())
        {
            // Present, with the default of its type (null for a reference type): what the patch must still carry.
            var valueType = property.PropertyType.GetGenericArguments()[0];
            property.SetValue(request, Activator.CreateInstance(property.PropertyType, valueType.IsValueType ? Activator.CreateInstance(valueType) : null));
        }

        var patched = _mapper.Map<EntityPatch<Item>>(request).Values.Select(value => value.PropertyName);

        // A property added to the request but not to the profile's patch fails here.
        Assert.That(patched, Is.EquivalentTo(typeof(UpdateItemRequest).GetProperties().Select(property => property.Name)));
    }

    [Test]
    public void EmptyUpdateRequest_GivesEmptyPatch() =>
        Assert.That(_mapper.Map<EntityPatch<Item>>(new UpdateItemRequest()).IsEmpty, Is.True);
}
