namespace Fpas.Application.Common.Concurrency;

/// <summary>
/// The precondition of a write: none, "the entity exists", or "the stored version is one of these".
/// The repository checks it in the same statement as the write, so a concurrent writer cannot slip in between.
/// </summary>
public sealed class VersionCondition
{
    private VersionCondition(IReadOnlyList<uint>? versions, bool isUnconditional)
    {
        Versions = versions;
        IsUnconditional = isUnconditional;
    }

    /// <summary>No precondition: the write goes through whatever the stored version is.</summary>
    public static VersionCondition Unconditional { get; } = new(null, isUnconditional: true);

    /// <summary>The entity must exist, in any version.</summary>
    public static VersionCondition Exists { get; } = new(null, isUnconditional: false);

    /// <summary>True for <see cref="Unconditional"/> only: the client stated no precondition.</summary>
    public bool IsUnconditional { get; }

    /// <summary>The versions the write accepts; null when any version is accepted.</summary>
    public IReadOnlyList<uint>? Versions { get; }

    /// <summary>The stored version must be one of <paramref name="versions"/> (none: the condition cannot hold).</summary>
    public static VersionCondition OneOf(IReadOnlyList<uint> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return new VersionCondition(versions, isUnconditional: false);
    }

    public bool IsSatisfiedBy(uint version) => Versions is null || Versions.Contains(version);
}
