using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Fpas.Api.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Application.Items;
using Fpas.Domain.Items;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fpas.IntegrationTests.Persistence;

/// <summary>
/// Every declared sort and filter of the item list, on 100,000 rows, is served by an index: no sequential scan of the
/// table, and no sort but of rows an index already selected (ADR 18). The plans are PostgreSQL's own, for the SQL the
/// repository sends, with its parameters.
/// </summary>
public sealed class ListQueryPlanTests : DatabaseTest
{
    private static readonly string[] Queries =
    [
        string.Empty, "order_by=-id", "order_by=name", "order_by=-name", "order_by=created_timestamp", "order_by=-created_timestamp",
        "is_active=true", "is_active=false&order_by=name", "name=row%2042", "name__in=row%201,row%202,row%2099999", "name__contains=ow%20123",
        "id__gt=50000", "id__gte=10&id__lt=20", "id__lte=100&order_by=-name",
        "created_timestamp__gt=2020-01-01T00:00:00Z&order_by=-created_timestamp", "created_timestamp__lt=2020-01-01T00:00:00Z",
        "q=needle", "q=needle&order_by=-name", "q=%22text%20500%22",
    ];

    [Test]
    public async Task EveryDeclaredSortAndFilter_IsServedByAnIndex_OnTheFirstPageAndADeepOne()
    {
        await TestDatabase.ExecuteAsync("""
            INSERT INTO item (name, description, is_active, created_timestamp)
            SELECT 'row ' || g, 'text ' || g || CASE WHEN g % 100 = 0 THEN ' needle' ELSE '' END, g % 2 = 0,
                   timestamptz '2019-01-01' + g * interval '1 minute'
            FROM generate_series(1, 100000) g
            """);
        await TestDatabase.ExecuteAsync("ANALYZE item");
        var plans = new PlanCapture();
        await using var services = RepositoryTest.CreateServices(TestDatabase.ConnectionString, options => options.AddInterceptors(plans));
        var fields = services.GetRequiredService<ItemListFields>();

        foreach (var text in Queries)
        {
            var query = Parse(text, fields);
            var filtered = query.Conditions.Count > 0 || query.Search is not null;
            plans.Plans.Clear();
            await QueryAsync(services, query);
            AssertIndexed(plans, text, filtered);

            if (!filtered)
            {
                // A deep page: after the 90,000th row of the order, as a cursor would start it.
                var deep = (await QueryAsync(services, query with { Limit = 1, Offset = 90_000 })).Single();
                plans.Plans.Clear();
                var page = await QueryAsync(services, query with { After = ListFields.PositionOf(deep, query.Order) });
                Assert.That(page, Has.Count.EqualTo(query.Limit), text);
                AssertIndexed(plans, $"{text} (deep page)", filtered);
            }
        }
    }

    private static async Task<IReadOnlyList<Item>> QueryAsync(IServiceProvider services, ListQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRepository<Item>>().QueryAsync(query, CancellationToken.None);
    }

    private static ListQuery Parse(string text, ListFields fields) =>
        ListQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(text)), fields, new PageParameters()).Query;

    private static void AssertIndexed(PlanCapture plans, string query, bool filtered)
    {
        Assert.That(plans.Plans.TryDequeue(out var plan), Is.True, $"{query}: no plan captured");
        plans.Plans.Clear();
        var nodes = Nodes(JsonDocument.Parse(plan!).RootElement[0].GetProperty("Plan")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(node => node.Type), Has.None.EqualTo("Seq Scan"), $"{query}: {plan}");
            foreach (var sort in nodes.Where(node => node.Type.EndsWith("Sort", StringComparison.Ordinal)))
            {
                var input = Nodes(sort.Element).Skip(1).Select(node => node.Type).ToList();
                Assert.That(input, Has.Some.Contain("Index"), $"{query}: a sort of rows no index selected: {plan}");
                // An incremental sort only orders the rows an index scan already gives in the leading key's order (the
                // planner's choice for name, which is unique on its own); a full sort is allowed only of the rows a filter selected.
                Assert.That(filtered || sort.Type == "Incremental Sort", Is.True, $"{query}: a full sort without a filter sorts the table: {plan}");
            }
        });
    }

    private static IEnumerable<(string Type, JsonElement Element)> Nodes(JsonElement node)
    {
        yield return (node.GetProperty("Node Type").GetString()!, node);
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    /// <summary>Runs <c>EXPLAIN</c> of every item page query the repository sends, with its parameters, on its connection.</summary>
    private sealed class PlanCapture : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Plans { get; } = new();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM item AS", StringComparison.Ordinal) && command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
            {
                await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + command.CommandText, (NpgsqlConnection)command.Connection!,
                    (NpgsqlTransaction?)command.Transaction);
                foreach (NpgsqlParameter parameter in command.Parameters)
                {
                    explain.Parameters.Add(parameter.Clone());
                }

                Plans.Enqueue((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
            }

            return result;
        }
    }
}
