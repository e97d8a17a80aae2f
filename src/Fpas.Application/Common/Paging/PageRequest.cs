namespace Fpas.Application.Common.Paging;

/// <summary>Which slice of a list to read: keyset (<see cref="AfterId"/>) and/or offset paging, ordered by id.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, int Offset = 0, long? AfterId = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
