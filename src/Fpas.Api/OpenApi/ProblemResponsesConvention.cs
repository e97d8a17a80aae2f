using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Documents the problem responses that follow from how an action binds, so controllers declare only
/// their own (200, 400, 404, 503): 422 where anything is bound from the request; 413 and 415 where a
/// JSON body is read.
/// </summary>
public sealed class ProblemResponsesConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        ArgumentNullException.ThrowIfNull(application);
        foreach (var action in application.Controllers.SelectMany(controller => controller.Actions))
        {
            if (action.Parameters.Any(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body))
            {
                Add(action, StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
                Add(action, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
            }

            if (action.Parameters.Any(parameter => parameter.ParameterType != typeof(CancellationToken)))
            {
                Add(action, StatusCodes.Status422UnprocessableEntity, typeof(HttpValidationProblemDetails));
            }
        }
    }

    /// <summary>Documents that <paramref name="action"/> may answer <paramref name="status"/> as a problem.</summary>
    public static void Add(ActionModel action, int status, Type type)
    {
        ArgumentNullException.ThrowIfNull(action);
        action.Filters.Add(new ProducesResponseTypeAttribute(type, status, MediaTypeNames.Application.ProblemJson));
    }
}
