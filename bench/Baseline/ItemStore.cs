using Npgsql;

namespace Baseline;

/// <summary>Hand-written SQL over one NpgsqlDataSource; statements are prepared (auto-prepare in the connection string).</summary>
public sealed class ItemStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, name, description, is_active, created_timestamp";

    public async Task<BaselineItem?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM item WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return await SingleAsync(command, cancellationToken);
    }

    public async Task<List<BaselineItem>> ListAsync(int limit, int offset, long afterId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM item WHERE id > $1 ORDER BY id LIMIT $2 OFFSET $3");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        var items = new List<BaselineItem>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    public async Task<BaselineItem> CreateAsync(BaselineItemBody body, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO item (name, description, is_active) VALUES ($1, $2, $3) RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Name! });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)body.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = body.IsActive });
        return (await SingleAsync(command, cancellationToken))!;
    }

    public async Task<BaselineItem?> RenameAsync(long id, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE item SET name = $2 WHERE id = $1 RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await SingleAsync(command, cancellationToken);
    }

    private static async Task<BaselineItem?> SingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static BaselineItem Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetBoolean(3),
        reader.GetFieldValue<DateTimeOffset>(4));
}
