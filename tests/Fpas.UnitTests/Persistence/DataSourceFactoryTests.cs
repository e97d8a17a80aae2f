using Fpas.Infrastructure.Persistence;
using Npgsql;

namespace Fpas.UnitTests.Persistence;

public sealed class DataSourceFactoryTests
{
    [Test]
    public void UnsetSettings_GetTheServiceDefaults()
    {
        using var dataSource = DataSourceFactory.Create(new DatabaseOptions { ConnectionString = "Host=db;Database=fpas" });

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Timeout, Is.EqualTo(DataSourceFactory.DefaultConnectTimeoutSeconds));
            Assert.That(settings.CommandTimeout, Is.EqualTo(DataSourceFactory.DefaultCommandTimeoutSeconds));
            Assert.That(settings.MaxAutoPrepare, Is.EqualTo(DataSourceFactory.DefaultMaxAutoPrepare));
            Assert.That(settings.Multiplexing, Is.EqualTo(DataSourceFactory.DefaultMultiplexing));
            Assert.That(settings.NoResetOnClose, Is.EqualTo(DataSourceFactory.DefaultNoResetOnClose));
        });
    }

    [TestCase("Host=db;Database=fpas;Timeout=10;Command Timeout=0;Max Auto Prepare=0;Multiplexing=false;No Reset On Close=false")]
    [TestCase("host=db;database=fpas;TIMEOUT=10;commandtimeout=0;maxautoprepare=0;multiplexing=false;noresetonclose=false")]
    public void SettingsInTheConnectionString_Win_InAnySpelling(string connectionString)
    {
        using var dataSource = DataSourceFactory.Create(new DatabaseOptions { ConnectionString = connectionString });

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Timeout, Is.EqualTo(10));
            Assert.That(settings.CommandTimeout, Is.Zero);
            Assert.That(settings.MaxAutoPrepare, Is.Zero);
            Assert.That(settings.Multiplexing, Is.False);
            Assert.That(settings.NoResetOnClose, Is.False);
        });
    }
}
