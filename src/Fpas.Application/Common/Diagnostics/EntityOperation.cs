namespace Fpas.Application.Common.Diagnostics;

public enum EntityOperation
{
    Read,
    Create,
    Update,
    Delete,
}
