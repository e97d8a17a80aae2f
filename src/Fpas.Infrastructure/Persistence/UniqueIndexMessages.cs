using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The message a client gets (as a 400) when a unique index rejects its value. An entity's configuration states it
/// on the index; a unique index without one is a 409 without details. The generic repository states no rule of its own.
/// </summary>
public static class UniqueIndexMessages
{
    private const string Annotation = "Fpas:DuplicateValueMessage";

    /// <summary>A violation of this unique index is the client's error, answered with <paramref name="message"/>.</summary>
    public static IndexBuilder<TEntity> HasDuplicateValueMessage<TEntity>(this IndexBuilder<TEntity> index, string message)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return index.HasAnnotation(Annotation, message);
    }

    /// <summary>The message stated on the unique index named <paramref name="databaseName"/>, if there is one.</summary>
    public static string? Find(IModel model, string? databaseName)
    {
        ArgumentNullException.ThrowIfNull(model);
        return databaseName is null
            ? null
            : model.GetEntityTypes()
                .SelectMany(type => type.GetIndexes())
                .FirstOrDefault(index => index.IsUnique && index.GetDatabaseName() == databaseName)?
                .FindAnnotation(Annotation)?.Value as string;
    }
}
