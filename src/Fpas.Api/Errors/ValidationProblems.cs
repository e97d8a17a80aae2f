using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fpas.Api.Errors;

/// <summary>
/// Builds the 422 answer for invalid requests, whether binding (malformed JSON, wrong types) or a validator
/// failed. Error keys are the wire names: <c>$.is_active</c> becomes <c>is_active</c>, and errors about
/// the body as a whole are keyed <c>body</c>.
/// </summary>
public static class ValidationProblems
{
    public const string BodyKey = "body";

    public static IActionResult Create(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new HttpValidationProblemDetails { Status = StatusCodes.Status422UnprocessableEntity };

        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(parameter => parameter.Name)
            .ToHashSet(StringComparer.Ordinal);

        // A body that failed to parse is also reported under its parameter's own name ("the field is required"): the
        // parse error, under the path it failed at, says more.
        var parseFailed = context.ModelState.Any(entry => entry.Value is { Errors.Count: > 0 } && !bodyParameters.Contains(entry.Key));
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0 || (parseFailed && bodyParameters.Contains(key)))
            {
                continue;
            }

            var wireKey = WireKey(key, bodyParameters);
            var messages = entry.Errors.Select(Message);
            problem.Errors[wireKey] = problem.Errors.TryGetValue(wireKey, out var existing)
                ? [.. existing, .. messages]
                : [.. messages];
        }

        return new ProblemResult(problem);
    }

    private static string WireKey(string key, HashSet<string> bodyParameters)
    {
        if (key.Length == 0 || key == "$" || bodyParameters.Contains(key))
        {
            return BodyKey;
        }

        var path = key.IndexOf("$.", StringComparison.Ordinal);
        return path >= 0 ? key[(path + 2)..] : key;
    }

    /// <summary>
    /// The reader's position for a body that is not JSON, one text for a value of the wrong JSON type (never a .NET type
    /// name: the JSON formatter hands over its exceptions, not their messages), and any other binding or validation
    /// message as it is.
    /// </summary>
    private static string Message(ModelError error) => error switch
    {
        { Exception: JsonException { InnerException: JsonException, LineNumber: { } line, BytePositionInLine: { } position } } =>
            string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON (line {line + 1}, byte {position + 1})."),
        { Exception: JsonException { InnerException: JsonException } } => "The body is not valid JSON.",
        { Exception: JsonException } => "The value is not of the expected JSON type.",
        { ErrorMessage.Length: > 0 } => error.ErrorMessage,
        _ => "The value is not valid.",
    };
}
