namespace Fpas.Domain.Common;

/// <summary>Base of every persisted entity: a 64-bit identity assigned by the database.</summary>
public abstract class Entity
{
    public long Id { get; set; }
}
