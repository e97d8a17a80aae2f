using Fpas.Application.Common.Models;

namespace Fpas.Application.Widgets;

/// <summary>The body of <c>PUT /widgets/{id}</c>: a partial update. Absent properties keep their stored value.</summary>
public sealed record UpdateWidgetRequest
{
    /// <summary>Present and null is invalid (the validator says so).</summary>
    public Optional<string?> Name { get; init; }

    /// <summary>Present and null clears the description.</summary>
    public Optional<string?> Description { get; init; }

    /// <summary>Present and null is invalid (it does not bind to <see cref="bool"/>).</summary>
    public Optional<bool> IsActive { get; init; }
}
