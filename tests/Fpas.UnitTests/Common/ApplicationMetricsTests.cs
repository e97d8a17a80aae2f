using System.Diagnostics.Metrics;
using Fpas.Application.Common.Diagnostics;
using Fpas.Application.Common.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.UnitTests.Common;

/// <summary>Fpas's meter, read with a plain <see cref="MeterListener"/> as any collector would.</summary>
public sealed class ApplicationMetricsTests
{
    private ServiceProvider _services = null!;
    private MeterListener _listener = null!;
    private readonly List<(long Value, Dictionary<string, object?> Tags)> _measurements = [];

    [SetUp]
    public void Listen()
    {
        _measurements.Clear();
        _services = new ServiceCollection().AddMetrics().AddSingleton<ApplicationMetrics>().BuildServiceProvider();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApplicationMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            _measurements.Add((value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value))));
        _listener.Start();
    }

    [TearDown]
    public void Stop()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Test]
    public void Record_CountsOneOperation_ByEntityOperationAndOutcome()
    {
        var metrics = _services.GetRequiredService<ApplicationMetrics>();

        metrics.Record("Item", EntityOperation.Update, EntityOutcome.NotFound);

        Assert.That(_measurements, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(_measurements[0].Value, Is.EqualTo(1));
            Assert.That(_measurements[0].Tags[ApplicationMetrics.EntityTag], Is.EqualTo("Item"));
            Assert.That(_measurements[0].Tags[ApplicationMetrics.OperationTag], Is.EqualTo("update"));
            Assert.That(_measurements[0].Tags[ApplicationMetrics.OutcomeTag], Is.EqualTo("not_found"));
        });
    }

    [TestCase(EntityOperation.Read, "read")]
    [TestCase(EntityOperation.Create, "create")]
    [TestCase(EntityOperation.Update, "update")]
    [TestCase(EntityOperation.Delete, "delete")]
    public void Operations_HaveTheirWireNames(EntityOperation operation, string name)
    {
        _services.GetRequiredService<ApplicationMetrics>().Record("Item", operation, EntityOutcome.Success);

        Assert.That(_measurements.Single().Tags[ApplicationMetrics.OperationTag], Is.EqualTo(name));
    }

    [TestCase(EntityOutcome.Success, "success")]
    [TestCase(EntityOutcome.NotFound, "not_found")]
    [TestCase(EntityOutcome.Conflict, "conflict")]
    [TestCase(EntityOutcome.PreconditionFailed, "precondition_failed")]
    public void Outcomes_HaveTheirWireNames(EntityOutcome outcome, string name)
    {
        _services.GetRequiredService<ApplicationMetrics>().Record("Item", EntityOperation.Create, outcome);

        Assert.That(_measurements.Single().Tags[ApplicationMetrics.OutcomeTag], Is.EqualTo(name));
    }

    [Test]
    public void RecordFailure_CountsConflictsAndStaleVersions_IgnoresOtherExceptions_AndNeverCatches()
    {
        var metrics = _services.GetRequiredService<ApplicationMetrics>();

        var caught = new[]
        {
            metrics.RecordFailure("Item", EntityOperation.Create, new DuplicateValueException("Item", "taken")),
            metrics.RecordFailure("Item", EntityOperation.Create, new UniqueConstraintException("Item", "ix")),
            metrics.RecordFailure("Item", EntityOperation.Update, new PreconditionFailedException("Item", 3)),
            metrics.RecordFailure("Item", EntityOperation.Update, new InvalidOperationException("bug")),
        };

        Assert.Multiple(() =>
        {
            Assert.That(caught, Is.All.False, "an exception filter that lets the exception flow on");
            Assert.That(_measurements.Select(m => m.Tags[ApplicationMetrics.OutcomeTag]),
                Is.EqualTo(new[] { "conflict", "conflict", "precondition_failed" }));
        });
    }
}
