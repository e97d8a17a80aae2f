using System.ComponentModel.DataAnnotations;
using System.Net.Mime;
using Fpas.Api.Paging;
using Fpas.Application.Widgets;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

[ApiController]
[Route("widgets")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.ProblemJson)]
public sealed class WidgetsController(WidgetService widgets) : ControllerBase
{
    private const string PositiveIdMessage = "The id must be an integer of at least 1.";

    [HttpGet]
    [ProducesResponseType<IReadOnlyList<WidgetResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypeNames.Application.ProblemJson)]
    public async Task<IReadOnlyList<WidgetResponse>> ListAsync([FromQuery] PageParameters paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var page = paging.ToPageRequest();
        var result = await widgets.ListAsync(page, cancellationToken);
        HttpContext.AddNextPageLink(result, page, widget => widget.Id);
        return result;
    }

    [HttpGet("{id}")]
    [ProducesResponseType<WidgetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypeNames.Application.ProblemJson)]
    public Task<WidgetResponse> GetAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, CancellationToken cancellationToken) =>
        widgets.GetAsync(id, cancellationToken);

    [HttpPost]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<WidgetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypeNames.Application.ProblemJson)]
    public Task<WidgetResponse> CreateAsync(CreateWidgetRequest request, CancellationToken cancellationToken) =>
        widgets.CreateAsync(request, cancellationToken);

    [HttpPut("{id}")]
    [Consumes(MediaTypeNames.Application.Json)]
    [ProducesResponseType<WidgetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypeNames.Application.ProblemJson)]
    public Task<WidgetResponse> UpdateAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, UpdateWidgetRequest request, CancellationToken cancellationToken) =>
        widgets.UpdateAsync(id, request, cancellationToken);

    [HttpDelete("{id}")]
    [ProducesResponseType<WidgetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, MediaTypeNames.Application.ProblemJson)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypeNames.Application.ProblemJson)]
    public Task<WidgetResponse> DeleteAsync([Range(1, long.MaxValue, ErrorMessage = PositiveIdMessage)] long id, CancellationToken cancellationToken) =>
        widgets.DeleteAsync(id, cancellationToken);
}
