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

        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var wireKey = WireKey(key, bodyParameters);
            var messages = entry.Errors.Select(Message);
            problem.Errors[wireKey] = problem.Errors.TryGetValue(wireKey, out var existing)
                ? [.. existing, .. messages]
                : [.. messages];
        }

        // A body that failed to parse also reports "the body is required"; the parse error says more.
        if (problem.Errors.Count > 1 && problem.Errors.TryGetValue(BodyKey, out var bodyErrors) && bodyErrors.All(IsRequiredMessage))
        {
            problem.Errors.Remove(BodyKey);
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

    /// <summary>Keeps the reader's explanation of malformed JSON, without .NET type names or positions.</summary>
    private static string Message(ModelError error)
    {
        var message = error.ErrorMessage;
        if (string.IsNullOrEmpty(message))
        {
            return "The value is not valid.";
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "The value is not of the expected JSON type.";
        }

        var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return position > 0 ? message[..position] : message;
    }

    private static bool IsRequiredMessage(string message) =>
        message.EndsWith("field is required.", StringComparison.Ordinal);
}
