namespace Fpas.IntegrationTests.Support;

/// <summary>Base of every test that touches the database: it starts from empty tables.</summary>
public abstract class DatabaseTest
{
    [SetUp]
    public Task ResetDatabaseAsync() => TestDatabase.ResetAsync();
}
