using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fpas.Api.Concurrency;

/// <summary>Binds a <see cref="VersionCondition"/> parameter from the request's <c>If-Match</c> field.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromIfMatchAttribute : Attribute, IBinderTypeProviderMetadata
{
    public Type BinderType => typeof(IfMatchModelBinder);

    // Special: not a request value the API explorer lists as a parameter; the OpenAPI document describes If-Match itself.
    public BindingSource BindingSource => BindingSource.Special;
}
