using Microsoft.Extensions.Options;

namespace Fpas.Api.Versioning;

/// <summary>Refuses start-up, naming the setting, when a deprecation cannot be honoured.</summary>
public sealed class ApiVersioningSettingsValidator : IValidateOptions<ApiVersioningSettings>
{
    public ValidateOptionsResult Validate(string? name, ApiVersioningSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
