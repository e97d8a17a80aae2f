using System.Text.Json;

namespace Fpas.Application.Common.Serialization;

/// <summary>How names are spelled on the wire (snake_case): the one definition the JSON serializer and the validation error keys share.</summary>
public static class WireNaming
{
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.SnakeCaseLower;
}
