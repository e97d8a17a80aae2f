namespace Fpas.Domain.Common;

/// <summary>Base of every persisted entity: a 64-bit identity assigned by the database and a version it changes on every write.</summary>
public abstract class Entity
{
    public long Id { get; set; }

    /// <summary>
    /// The stored row's version, set by the database on every insert and update (never by code): the entity tag
    /// that clients see, and the token that makes a conditional write lose to a concurrent one.
    /// </summary>
    public uint Version { get; set; }
}
