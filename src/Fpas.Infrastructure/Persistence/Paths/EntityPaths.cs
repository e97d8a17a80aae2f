using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;
using Fpas.Infrastructure.Persistence.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// The path each entity type takes, decided once at start-up for every entity type in the model (ADR 10): an entity
/// type the repository cannot serve stops the start (<see cref="StartupRefusedException"/>, one line naming it and the
/// mapping), the statements of the single-statement path are built here, not on a first request, and the choice is
/// logged once per entity type.
/// </summary>
internal sealed partial class EntityPaths
{
    private readonly Dictionary<Type, ReturningStatements> _statements = [];
    private readonly Dictionary<Type, string> _versionAnchors = [];

    public EntityPaths(DbContext context, WritePathSetting setting, IEnumerable<ListFields> lists, ILogger<EntityPaths> logger)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(context);
        var sql = context.GetService<ISqlGenerationHelper>();
        var everyEntity = setting == WritePathSetting.EfCore ? "Database:WritePath is EfCore" : WhyNotForAnyEntity(context);
        var refused = new List<string>();
        foreach (var entityType in context.Model.GetEntityTypes()
                     .Where(type => !type.IsOwned() && type.ClrType.IsAssignableTo(typeof(Entity)))
                     .OrderBy(type => type.Name, StringComparer.Ordinal))
        {
            var name = entityType.DisplayName();
            if (EntityPathRules.WhyRefused(entityType) is { } refusal)
            {
                refused.Add($"{name}: {refusal}");
                continue;
            }

            if (EntityPathRules.SpansTables(entityType))
            {
                _versionAnchors[entityType.ClrType] = EntityPathRules.VersionAnchor(entityType)!.Name;
            }

            if ((everyEntity ?? EntityPathRules.WhyNotSingleStatement(entityType)) is { } reason)
            {
                LogChangeTrackerPath(logger, name, reason);
                continue;
            }

            _statements[entityType.ClrType] = new ReturningStatements(entityType, sql);
            LogSingleStatementPath(logger, name);
        }

        foreach (var fields in lists)
        {
            var entityType = context.Model.FindEntityType(fields.GetType().BaseType!.GetGenericArguments()[0]);
            if (entityType is not null && WhyListFieldsFail(entityType, fields) is { } reason)
            {
                refused.Add($"{fields.GetType().Name}: {reason}");
            }
        }

        if (refused.Count > 0)
        {
            throw new StartupRefusedException($"The repository cannot serve {string.Join("; ", refused)}.");
        }
    }

    /// <summary>The single-statement path's statements for <paramref name="clrType"/>; null when it takes EF Core's path.</summary>
    public ReturningStatements? StatementsFor(Type clrType) => _statements.GetValueOrDefault(clrType);

    /// <summary>The property an update of <paramref name="clrType"/> also writes when it spans several tables; null when it spans one.</summary>
    public string? VersionAnchorFor(Type clrType) => _versionAnchors.GetValueOrDefault(clrType);

    /// <summary>
    /// What sends every entity type through EF Core: code that runs inside EF's own pipeline, which single statements
    /// would bypass (interceptors, an overridden <c>SaveChanges</c>).
    /// </summary>
    private static string? WhyNotForAnyEntity(DbContext context)
    {
        var options = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
        if (options?.Interceptors?.Any() == true || context.GetService<IEnumerable<IInterceptor>>().Any())
        {
            return "interceptors are registered";
        }

        var overridden = context.GetType().GetMethods()
            .Any(method => method.Name is nameof(DbContext.SaveChanges) or nameof(DbContext.SaveChangesAsync) && method.DeclaringType != typeof(DbContext));
        return overridden ? $"{context.GetType().Name} overrides SaveChanges" : null;
    }

    /// <summary>Why a resource's declared list fields cannot be served (ADR 18); null when they can.</summary>
    private static string? WhyListFieldsFail(IEntityType entityType, ListFields fields)
    {
        foreach (var field in fields.Fields.Where(field => field.Sortable))
        {
            if (entityType.FindProperty(field.Property) is not { IsNullable: false })
            {
                return $"the sort field {field.Name} is not a required property (a keyset needs a value in every row)";
            }
        }

        return fields.SearchProperties.Count > 0 && entityType.FindProperty(ListQueryTranslation.SearchVector) is null
            ? $"it declares search fields, but its configuration maps no {ListQueryTranslation.SearchVector} column (docs/querying.md)"
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Entity}: single-statement path")]
    private static partial void LogSingleStatementPath(ILogger logger, string entity);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Entity}: EF Core change-tracker path ({Reason})")]
    private static partial void LogChangeTrackerPath(ILogger logger, string entity, string reason);
}
