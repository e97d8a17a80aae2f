using Fpas.Infrastructure.Persistence.Paths;

namespace Fpas.Infrastructure.Persistence;

/// <summary>Database settings: <c>ConnectionStrings:Default</c> and the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Default";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string SectionName = "Database";

    public const string MissingConnectionStringMessage =
        ConnectionStringKey + " is not set: give it in appsettings or as the environment variable ConnectionStrings__Default.";

    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (<c>Database:MigrateOnStartup</c>).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// Command timeout of start-up migrations (<c>Database:MigrationTimeout</c>, 5 minutes): the request command timeout
    /// (3 s) would fail any longer migration, and an instance waiting for another's migration lock.
    /// </summary>
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Which path the repository takes per entity type (<c>Database:WritePath</c>): <c>Auto</c>, or <c>EfCore</c> to send
    /// every entity type through EF Core's change tracker (ADR 10).
    /// </summary>
    public WritePathSetting WritePath { get; set; }
}
