using System.Diagnostics.Metrics;
using Fpas.Application.Common.Exceptions;

namespace Fpas.Application.Common.Diagnostics;

/// <summary>
/// Fpas's own meter: what happened to entities, by entity type, operation and outcome (created, updated, deleted,
/// value conflicts, not found, stale versions). Plain <see cref="System.Diagnostics.Metrics"/>: any listener
/// (OpenTelemetry in the Api, <c>dotnet-counters</c>) reads it; nobody listening costs one check per call.
/// </summary>
public sealed class ApplicationMetrics
{
    public const string MeterName = "Fpas";

    public const string EntityTag = "fpas.entity";
    public const string OperationTag = "fpas.operation";
    public const string OutcomeTag = "fpas.outcome";

    private readonly Counter<long> _operations;

    public ApplicationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _operations = meter.CreateCounter<long>("fpas.entity.operations", "{operation}",
            "Entity reads and writes by entity, operation (read, create, update, delete) and outcome "
            + "(success, not_found, conflict, precondition_failed).");
    }

    public void Record(string entity, EntityOperation operation, EntityOutcome outcome)
    {
        if (_operations.Enabled)
        {
            _operations.Add(1,
                new KeyValuePair<string, object?>(EntityTag, entity),
                new KeyValuePair<string, object?>(OperationTag, OperationName(operation)),
                new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(outcome)));
        }
    }

    /// <summary>Records the outcome an application exception stands for; false, so that it fits an exception filter and the exception flows on.</summary>
    public bool RecordFailure(string entity, EntityOperation operation, Exception exception)
    {
        var outcome = exception switch
        {
            DuplicateValueException or UniqueConstraintException or WriteConflictException => EntityOutcome.Conflict,
            PreconditionFailedException => EntityOutcome.PreconditionFailed,
            _ => (EntityOutcome?)null,
        };
        if (outcome is { } known)
        {
            Record(entity, operation, known);
        }

        return false;
    }

    private static string OperationName(EntityOperation operation) => operation switch
    {
        EntityOperation.Read => "read",
        EntityOperation.Create => "create",
        EntityOperation.Update => "update",
        _ => "delete",
    };

    private static string OutcomeName(EntityOutcome outcome) => outcome switch
    {
        EntityOutcome.Success => "success",
        EntityOutcome.NotFound => "not_found",
        EntityOutcome.Conflict => "conflict",
        _ => "precondition_failed",
    };
}
