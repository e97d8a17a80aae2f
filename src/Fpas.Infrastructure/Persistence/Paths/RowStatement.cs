using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>One SQL statement with positional parameters, each typed by the mapped property it is written to.</summary>
internal sealed record RowStatement(string Sql, IReadOnlyList<(IProperty Property, object? Value)> Parameters)
{
    /// <summary>A command for this statement on <paramref name="connection"/>, in <paramref name="transaction"/> when there is one.</summary>
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var command = new NpgsqlCommand(Sql, connection, transaction);
        foreach (var (property, value) in Parameters)
        {
            // The type mapping converts the value (value converters) and sets the parameter's database type.
            command.Parameters.Add(property.GetRelationalTypeMapping()
                .CreateParameter(command, string.Empty, value, property.IsNullable, ParameterDirection.Input));
        }

        return command;
    }
}
