using System.ComponentModel.DataAnnotations;
using Fpas.Application.Common.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Paging;

/// <summary>
/// The paging and query parameters every list endpoint documents: <c>limit</c>, <c>offset</c>, the keyset cursor
/// <c>after_id</c>, the opaque <c>cursor</c> of a <c>next</c> link, <c>order_by</c> and <c>q</c>. The resource's filters
/// are read by <see cref="ListQueryParser"/> from its declared fields.
/// </summary>
public sealed record PageParameters
{
    [FromQuery(Name = ListQueryParser.LimitName)]
    [Range(1, PageRequest.MaxLimit, ErrorMessage = "limit must be between 1 and 1000.")]
    public int Limit { get; init; } = PageRequest.DefaultLimit;

    [FromQuery(Name = ListQueryParser.OffsetName)]
    [Range(0, int.MaxValue, ErrorMessage = "offset must be 0 or more.")]
    public int Offset { get; init; }

    [FromQuery(Name = ListQueryParser.AfterIdName)]
    [Range(0, long.MaxValue, ErrorMessage = "after_id must be 0 or more.")]
    public long? AfterId { get; init; }

    /// <summary>The <c>cursor</c> of the previous page's <c>next</c> link.</summary>
    [FromQuery(Name = ListQueryParser.CursorName)]
    public string? Cursor { get; init; }

    /// <summary>Sort keys, comma-separated, <c>-</c> for descending; <c>id</c> is appended when absent.</summary>
    [FromQuery(Name = ListQueryParser.OrderByName)]
    public string? OrderBy { get; init; }

    /// <summary>Full-text search (PostgreSQL websearch syntax: words ANDed, "a phrase", -word).</summary>
    [FromQuery(Name = ListQueryParser.SearchName)]
    public string? Q { get; init; }
}
