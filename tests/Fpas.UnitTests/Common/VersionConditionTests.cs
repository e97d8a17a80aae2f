using Fpas.Application.Common.Concurrency;

namespace Fpas.UnitTests.Common;

public sealed class VersionConditionTests
{
    [Test]
    public void Unconditional_AcceptsEveryVersion_AndIsTheOnlyOneWithoutAPrecondition()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VersionCondition.Unconditional.IsUnconditional, Is.True);
            Assert.That(VersionCondition.Unconditional.Versions, Is.Null);
            Assert.That(VersionCondition.Unconditional.IsSatisfiedBy(7), Is.True);
            Assert.That(VersionCondition.Exists.IsUnconditional, Is.False);
            Assert.That(VersionCondition.OneOf([1]).IsUnconditional, Is.False);
        });
    }

    [Test]
    public void Exists_AcceptsEveryVersion()
    {
        Assert.That(VersionCondition.Exists.Versions, Is.Null);
        Assert.That(VersionCondition.Exists.IsSatisfiedBy(42), Is.True);
    }

    [Test]
    public void OneOf_AcceptsExactlyItsVersions()
    {
        var condition = VersionCondition.OneOf([3, 5]);

        Assert.Multiple(() =>
        {
            Assert.That(condition.Versions, Is.EqualTo(new uint[] { 3, 5 }));
            Assert.That(condition.IsSatisfiedBy(3), Is.True);
            Assert.That(condition.IsSatisfiedBy(5), Is.True);
            Assert.That(condition.IsSatisfiedBy(4), Is.False);
            Assert.That(VersionCondition.OneOf([]).IsSatisfiedBy(0), Is.False, "no version named: nothing matches");
        });
    }

    [Test]
    public void OneOf_RefusesNull() =>
        Assert.Throws<ArgumentNullException>(() => VersionCondition.OneOf(null!));
}
