using System.ComponentModel.DataAnnotations;
using System.Net.Mime;
using Fpas.Api.Paging;
using Fpas.Application.Items;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

[ApiController]
[Route("items")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.ProblemJson)]
public sealed class ItemsController(ItemService items) : ControllerBase
{
    private const string PositiveIdMessage = "The id must be an integer of at least 1.";

    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ItemResponse>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ItemResponse>> ListAsync([FromQuery] PageParameters paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var page = paging.ToPageRequest();
        var result = await items.ListAsync(page, cancellationToken);
        HttpContext.AddNextPageLink(result, page, item => item.Id);
        return result;
    }

    [HttpGet("{id}")]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    public Task<ItemResponse> GetAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, CancellationToken cancellationToken) =>
        items.GetAsync(id, cancellationToken);

    [HttpPost]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    public Task<ItemResponse> CreateAsync(CreateItemRequest request, CancellationToken cancellationToken) =>
        items.CreateAsync(request, cancellationToken);

    [HttpPut("{id}")]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    public Task<ItemResponse> UpdateAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, UpdateItemRequest request, CancellationToken cancellationToken) =>
        items.UpdateAsync(id, request, cancellationToken);

    [HttpDelete("{id}")]
    [ProducesResponseType<ItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    public Task<ItemResponse> DeleteAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, CancellationToken cancellationToken) =>
        items.DeleteAsync(id, cancellationToken);
}
