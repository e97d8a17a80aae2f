using System.ComponentModel.DataAnnotations;
using Fpas.Application.Common.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Paging;

/// <summary>The paging query of list endpoints: <c>limit</c>, <c>offset</c> and the keyset cursor <c>after_id</c>.</summary>
public sealed record PageParameters
{
    [FromQuery(Name = "limit")]
    [Range(1, PageRequest.MaxLimit, ErrorMessage = "limit must be between 1 and 1000.")]
    public int Limit { get; init; } = PageRequest.DefaultLimit;

    [FromQuery(Name = "offset")]
    [Range(0, int.MaxValue, ErrorMessage = "offset must be 0 or more.")]
    public int Offset { get; init; }

    [FromQuery(Name = "after_id")]
    [Range(0, long.MaxValue, ErrorMessage = "after_id must be 0 or more.")]
    public long? AfterId { get; init; }

    public PageRequest ToPageRequest() => new(Limit, Offset, AfterId);
}
