namespace Fpas.IntegrationTests.Support;

/// <summary>The run's one in-process API host, started on first use.</summary>
public static class ApiHost
{
    private static ApiFactory? _factory;

    public static ApiFactory Factory => _factory ??= new ApiFactory(TestDatabase.ConnectionString);

    public static async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }
    }
}
