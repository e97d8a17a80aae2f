using Fpas.Application.Common.Persistence;
using Fpas.Domain.Items;

namespace Fpas.UnitTests.Persistence;

public sealed class EntityPatchTests
{
    [Test]
    public void Set_RecordsPropertyNameAndValue_InOrder()
    {
        var patch = new EntityPatch<Item>().Set(item => item.IsActive, false).Set(item => item.Name, "n");

        Assert.That(patch.Values, Is.EqualTo(new[]
        {
            new PropertyValue(nameof(Item.IsActive), false),
            new PropertyValue(nameof(Item.Name), "n"),
        }));
    }

    [Test]
    public void Set_SameProperty_KeepsOneAssignmentWithTheLastValue()
    {
        var patch = new EntityPatch<Item>().Set(item => item.Name, "first").Set(item => item.Name, "last");

        Assert.That(patch.Values, Is.EqualTo(new[] { new PropertyValue(nameof(Item.Name), "last") }));
    }

    [Test]
    public void SetWhenPresent_IgnoresAbsentValues() =>
        Assert.That(new EntityPatch<Item>().SetWhenPresent(item => item.Description, default).IsEmpty, Is.True);

    [Test]
    public void Set_Id_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new EntityPatch<Item>().Set(item => item.Id, 5));

    [Test]
    public void Set_NotADirectProperty_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new EntityPatch<Item>().Set(item => item.Name.Length, 1));
}
