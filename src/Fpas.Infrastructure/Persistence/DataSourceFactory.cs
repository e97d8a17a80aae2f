using Npgsql;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> of the app. Timeouts the connection string does not set
/// default to values that let a request fail fast (503) instead of hanging while PostgreSQL is unreachable;
/// statements are auto-prepared, commands multiplexed (docs/adr/0009-npgsql-multiplexing.md) and pooled
/// connections returned without a session reset (docs/adr/0016-no-reset-on-close.md) unless the connection string
/// says otherwise.
/// </summary>
public static class DataSourceFactory
{
    public const int DefaultConnectTimeoutSeconds = 3;
    public const int DefaultCommandTimeoutSeconds = 3;
    public const int DefaultMaxAutoPrepare = 64;
    public const bool DefaultMultiplexing = true;
    public const bool DefaultNoResetOnClose = true;

    public static NpgsqlDataSource Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);

        // Npgsql lists the keywords that were set under their canonical names, whatever spelling was used
        // ("commandtimeout", "MaxAutoPrepare"); its ContainsKey only says whether a keyword exists.
        var given = builder.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("Timeout"))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        if (!given.Contains("Command Timeout"))
        {
            builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        // Statements EF sends repeatedly become server-side prepared statements on each connection.
        if (!given.Contains("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.Contains("Multiplexing"))
        {
            builder.Multiplexing = DefaultMultiplexing;
        }

        if (!given.Contains("No Reset On Close"))
        {
            builder.NoResetOnClose = DefaultNoResetOnClose;
        }

        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}
