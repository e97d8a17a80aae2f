using System.Net.Mime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

[ApiController]
[AllowAnonymous]
[Route("")]
public sealed class RootController : ControllerBase
{
    [HttpGet(Name = "GetServiceInfo")]
    [EndpointSummary("Name and version of the service")]
    [ProducesResponseType<ServiceInfoResponse>(StatusCodes.Status200OK)]
    public ServiceInfoResponse Get() => ServiceInfoResponse.Current;
}
