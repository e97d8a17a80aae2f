using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Controllers;

[ApiController]
[Route("")]
public sealed class RootController : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<ServiceInfoResponse>(StatusCodes.Status200OK)]
    public ServiceInfoResponse Get() => ServiceInfoResponse.Current;
}
