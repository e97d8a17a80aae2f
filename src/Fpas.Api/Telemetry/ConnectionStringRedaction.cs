using System.Diagnostics;
using OpenTelemetry;

namespace Fpas.Api.Telemetry;

/// <summary>
/// Drops the connection string Npgsql puts on its spans (<c>db.npgsql.data_source</c>: host, database, user name and
/// settings, without the password): infrastructure details that do not belong in a trace store.
/// <c>server.address</c> and <c>db.namespace</c> stay.
/// </summary>
public sealed class ConnectionStringRedaction : BaseProcessor<Activity>
{
    private const string NpgsqlDataSourceTag = "db.npgsql.data_source";
    private const string ConnectionStringTag = "db.connection_string";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Source.Name == "Npgsql")
        {
            data.SetTag(NpgsqlDataSourceTag, null);
            data.SetTag(ConnectionStringTag, null);
        }
    }
}
