namespace Fpas.IntegrationTests.Zoo;

/// <summary>One mapping of the zoo: an entity type with a sample, a change, and the path it must take.</summary>
public abstract class ZooCase
{
    public abstract string Name { get; }

    /// <summary>Whether the single-statement path may serve it (else only EF Core's path can).</summary>
    public abstract bool SingleStatementEligible { get; }

    public abstract Task RunAsync(ZooHarness harness, bool singleStatementPath);

    public override string ToString() => Name;
}
