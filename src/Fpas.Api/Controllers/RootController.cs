using System.Net.Mime;
using Asp.Versioning;
using Fpas.Api.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

[ApiController]
[AllowAnonymous]
[ApiVersionNeutral]
[Route("")]
public sealed class RootController : ControllerBase
{
    [HttpGet]
    [OperationId("GetServiceInfo")]
    [EndpointSummary("Name and version of the service")]
    [ProducesResponseType<ServiceInfoResponse>(StatusCodes.Status200OK)]
    public ServiceInfoResponse Get() => ServiceInfoResponse.Current;
}
