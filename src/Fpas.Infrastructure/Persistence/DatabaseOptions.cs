using System.ComponentModel.DataAnnotations;

namespace Fpas.Infrastructure.Persistence;

/// <summary>Database settings: <c>ConnectionStrings:Default</c> and the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Default";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string SectionName = "Database";

    [Required(AllowEmptyStrings = false, ErrorMessage = "The connection string " + ConnectionStringKey + " is not set (environment variable ConnectionStrings__Default).")]
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (<c>Database:MigrateOnStartup</c>).</summary>
    public bool MigrateOnStartup { get; set; }
}
