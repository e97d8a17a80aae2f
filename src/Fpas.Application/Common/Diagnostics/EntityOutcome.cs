namespace Fpas.Application.Common.Diagnostics;

public enum EntityOutcome
{
    Success,
    NotFound,
    Conflict,
    PreconditionFailed,
}
