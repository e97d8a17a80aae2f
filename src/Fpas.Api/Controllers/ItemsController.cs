using System.ComponentModel.DataAnnotations;
using System.Net.Mime;
using Asp.Versioning;
using Fpas.Api.Concurrency;
using Fpas.Api.Idempotency;
using Fpas.Api.OpenApi;
using Fpas.Api.Paging;
using Fpas.Api.Security;
using Fpas.Api.Versioning;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Querying;
using Fpas.Application.Items;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

/// <summary>
/// <c>/items</c>. What each action does beyond its service call is declared on it: the scope it needs
/// (<c>[RequireScope]</c>), <c>Idempotency-Key</c> replay (<c>[Idempotent]</c>), and a conditional write
/// (<c>[FromIfMatch]</c>: 412 when stale, 428 when the server requires it). A <see cref="Versioned{TValue}"/>
/// answer carries its <c>ETag</c> and answers a matching <c>If-None-Match</c> with 304. Every action is in every
/// version, at <c>/items</c> (version 1) and <c>/v{n}/items</c>, except those mapped to one version (ADR 20).
/// </summary>
[ApiController]
[ApiVersion(ApiVersions.V1)]
[ApiVersion(ApiVersions.V2)]
[Route("items")]
[Route(ApiVersions.Prefix + "items")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.ProblemJson)]
public sealed class ItemsController(ItemService items, ItemListFields fields) : ControllerBase
{
    private const string PositiveIdMessage = "The id must be an integer of at least 1.";

    [HttpGet]
    [MapToApiVersion(ApiVersions.V1)]
    [OperationId("ListItems")]
    [RequireScope("items:read")]
    [EndpointSummary("List items: filter, sort and search, with offset, keyset (after_id) or cursor paging")]
    [ProducesResponseType<IReadOnlyList<ItemResponse>>(StatusCodes.Status200OK)]
    [ListFilters<ItemListFields>]
#if (softDelete)
    [RequireScopeForDeleted("items:deleted:read")]
    public async Task<IReadOnlyList<ItemResponse>> ListAsync(
        [FromQuery] PageParameters paging, [FromQuery(Name = RequireScopeForDeletedAttribute.ParameterName)] bool includeDeleted, CancellationToken cancellationToken)
    {
        var (page, query) = await PageAsync(paging, includeDeleted, cancellationToken);
#else
    public async Task<IReadOnlyList<ItemResponse>> ListAsync([FromQuery] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, query) = await PageAsync(paging, includeDeleted: false, cancellationToken);
#endif
        HttpContext.AddNextPageLink(page, query, item => item.Id);
        return page.Rows;
    }

    [HttpGet]
    [MapToApiVersion(ApiVersions.V2)]
    [OperationId("ListItems")]
    [RequireScope("items:read")]
    [EndpointSummary("List items: the page and the cursor of the next one in the body; filters, sort and search as in v1")]
    [ProducesResponseType<ListPageResponse<ItemResponse>>(StatusCodes.Status200OK)]
    [ListFilters<ItemListFields>]
#if (softDelete)
    [RequireScopeForDeleted("items:deleted:read")]
    public async Task<ListPageResponse<ItemResponse>> ListPageAsync(
        [FromQuery] PageParameters paging, [FromQuery(Name = RequireScopeForDeletedAttribute.ParameterName)] bool includeDeleted, CancellationToken cancellationToken)
    {
        var (page, query) = await PageAsync(paging, includeDeleted, cancellationToken);
#else
    public async Task<ListPageResponse<ItemResponse>> ListPageAsync([FromQuery] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, query) = await PageAsync(paging, includeDeleted: false, cancellationToken);
#endif
        return new(page.Rows, NextPageLink.NextCursor(page, query));
    }

    /// <summary>One page of the list the request's query string asks for: the version decides how it is answered.</summary>
    private async Task<(ListPage<ItemResponse> Page, ParsedListQuery Query)> PageAsync(PageParameters paging, bool includeDeleted, CancellationToken cancellationToken)
    {
        var query = ListQueryParser.Parse(Request.Query, fields, paging);
        return (await items.ListAsync(includeDeleted ? query.Query with { IncludeDeleted = true } : query.Query, cancellationToken), query);
    }

    [HttpGet("{id}")]
    [OperationId("GetItem")]
    [RequireScope("items:read")]
    [EndpointSummary("Get one item")]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
#if (softDelete)
    [RequireScopeForDeleted("items:deleted:read")]
    public Task<Versioned<ItemResponse>> GetAsync(
        [Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id,
        [FromQuery(Name = RequireScopeForDeletedAttribute.ParameterName)] bool includeDeleted,
        CancellationToken cancellationToken) =>
        items.GetAsync(id, includeDeleted, cancellationToken);
#else
    public Task<Versioned<ItemResponse>> GetAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, CancellationToken cancellationToken) =>
        items.GetAsync(id, cancellationToken);
#endif

    [HttpPost]
    [OperationId("CreateItem")]
    [RequireScope("items:write")]
    [Idempotent]
    [EndpointSummary("Create an item")]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    public Task<Versioned<ItemResponse>> CreateAsync(CreateItemRequest request, CancellationToken cancellationToken) =>
        items.CreateAsync(request, cancellationToken);

    [HttpPut("{id}")]
    [OperationId("UpdateItem")]
    [RequireScope("items:write")]
    [EndpointSummary("Change an item: only the properties present in the body")]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypeNames.Application.ProblemJson)]
    public Task<Versioned<ItemResponse>> UpdateAsync(
        [Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id,
        UpdateItemRequest request,
        [FromIfMatch] VersionCondition condition,
        CancellationToken cancellationToken) =>
        items.UpdateAsync(id, request, condition, cancellationToken);

    [HttpDelete("{id}")]
    [OperationId("DeleteItem")]
    [RequireScope("items:write")]
    [EndpointSummary("Delete an item and return it")]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypeNames.Application.ProblemJson)]
    public Task<Versioned<ItemResponse>> DeleteAsync(
        [Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id,
        [FromIfMatch] VersionCondition condition,
        CancellationToken cancellationToken) =>
        items.DeleteAsync(id, condition, cancellationToken);
#if (softDelete)

    [HttpPost("{id}/restore")]
    [OperationId("RestoreItem")]
    [RequireScope("items:write")]
    [Idempotent]
    [EndpointSummary("Bring back a deleted item")]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypeNames.Application.ProblemJson)]
    public Task<Versioned<ItemResponse>> RestoreAsync(
        [Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id,
        [FromIfMatch] VersionCondition condition,
        CancellationToken cancellationToken) =>
        items.RestoreAsync(id, condition, cancellationToken);
#endif
}
