using System.Text.Json;
using Baseline;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
// What a careful hand-written service runs: source-generated JSON, auto-prepared statements, no session reset
// when a pooled connection is returned (it sets no session state). Multiplexing comes from the connection string.
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJsonContext.Default);
});
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(
    builder.Configuration.GetConnectionString("Default") ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."))
{
    MaxAutoPrepare = 20,
    AutoPrepareMinUsages = 2,
    NoResetOnClose = true,
}.ConnectionString));
builder.Services.AddSingleton<ItemStore>();

var app = builder.Build();

app.MapGet("/items/{id:long}", async (long id, ItemStore store, CancellationToken cancellationToken) =>
    await store.GetAsync(id, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound());

app.MapGet("/items/", async (ItemStore store, CancellationToken cancellationToken, int limit = 100, int offset = 0, long after_id = 0) =>
    Results.Ok(await store.ListAsync(limit, offset, after_id, cancellationToken)));

app.MapPost("/items/", async (BaselineItemBody body, ItemStore store, CancellationToken cancellationToken) =>
{
    try
    {
        return Results.Ok(await store.CreateAsync(body, cancellationToken));
    }
    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
    {
        return Results.BadRequest();
    }
});

app.MapPut("/items/{id:long}", async (long id, BaselineItemBody body, ItemStore store, CancellationToken cancellationToken) =>
{
    try
    {
        return await store.RenameAsync(id, body.Name!, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound();
    }
    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
    {
        return Results.BadRequest();
    }
});

await app.RunAsync();
