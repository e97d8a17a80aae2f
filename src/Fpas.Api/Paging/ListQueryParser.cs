using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Querying;
using Microsoft.Extensions.Primitives;

namespace Fpas.Api.Paging;

/// <summary>
/// Reads a list's query string (docs/querying.md): <c>field</c>, <c>field__op</c> filters over the resource's declared
/// <see cref="ListFields"/>, <c>q</c>, <c>order_by</c> and <c>cursor</c>, next to <c>limit</c>, <c>offset</c> and
/// <c>after_id</c>. Every bad parameter is one error keyed by its name (<see cref="InvalidRequestException"/>, a 422);
/// names that are not a declared field are ignored.
/// </summary>
public static partial class ListQueryParser
{
    public const int MaxInValues = 100;
    public const int MinContainsLength = 3;
    public const string LimitName = "limit";
    public const string OffsetName = "offset";
    public const string AfterIdName = "after_id";
    public const string OrderByName = "order_by";
    public const string SearchName = "q";
    public const string CursorName = "cursor";

    private static readonly Dictionary<string, FilterOperator> Suffixes = new(StringComparer.Ordinal)
    {
        ["in"] = FilterOperator.In,
        ["contains"] = FilterOperator.Contains,
        ["gt"] = FilterOperator.GreaterThan,
        ["gte"] = FilterOperator.GreaterThanOrEqual,
        ["lt"] = FilterOperator.LessThan,
        ["lte"] = FilterOperator.LessThanOrEqual,
    };

    public static ParsedListQuery Parse(IQueryCollection query, ListFields fields, PageParameters paging)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(paging);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var conditions = new List<FieldCondition>();
        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var (name, values) in query)
        {
            if (Filter(name, fields) is not { } filter)
            {
                continue;
            }

            if (filter.Operator is not { } op || !filter.Field.Operators.Contains(op))
            {
                errors[name] = [$"'{name}' is not a filter of this list: {filter.Field.Name} allows {Allowed(filter.Field)}."];
            }
            else if (Single(name, values, errors) is { } text && Value(filter.Field, op, text) is var (value, error))
            {
                if (error is not null)
                {
                    errors[name] = [error];
                }
                else
                {
                    conditions.Add(new FieldCondition(filter.Field, op, value!));
                    fingerprint[name] = text;
                }
            }
        }

        string? search = null;
        if (query.TryGetValue(SearchName, out var q) && Single(SearchName, q, errors) is { } words)
        {
            search = fields.SearchProperties.Count == 0 ? Fail(errors, SearchName, "This list has no text search.")
                : string.IsNullOrWhiteSpace(words) ? Fail(errors, SearchName, "'q' needs at least one word.")
                : words.Contains('\0', StringComparison.Ordinal) ? Fail(errors, SearchName, "'q' must not contain U+0000.")
                : words;
            fingerprint[SearchName] = words;
        }

        var order = Order(query, fields, errors);
        fingerprint[OrderByName] = string.Join(',', order.Select(key => (key.Descending ? "-" : string.Empty) + key.Field.Name));
        var key = string.Join('&', fingerprint.Select(pair => $"{pair.Key}={pair.Value}"));

        IReadOnlyList<object>? after = null;
        var afterId = paging.AfterId;
        if (query.TryGetValue(CursorName, out var cursors) && Single(CursorName, cursors, errors) is { } cursor)
        {
            if (query.ContainsKey(OffsetName) || query.ContainsKey(AfterIdName))
            {
                errors[CursorName] = ["'cursor' cannot be combined with 'offset' or 'after_id': the cursor already says where the page starts."];
            }
            else if (ListCursor.TryDecode(cursor, key, order, out var position, out var cursorAfterId))
            {
                (after, afterId) = (position, cursorAfterId);
            }
            else
            {
                errors[CursorName] = ["The cursor is not valid for this query: follow the next link of this query's previous page."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidRequestException(errors);
        }

        return new ParsedListQuery(new ListQuery(conditions, search, order, paging.Limit, paging.Offset, afterId, after), key);
    }

    /// <summary>The declared field and operator a parameter names (<c>name</c>, <c>name__in</c>); null when it names no declared field.</summary>
    private static (QueryField Field, FilterOperator? Operator)? Filter(string name, ListFields fields)
    {
        var split = name.LastIndexOf("__", StringComparison.Ordinal);
        if (split < 0)
        {
            return fields.Find(name) is { } field ? (field, FilterOperator.Equal) : null;
        }

        return fields.Find(name[..split]) is { } named
            ? (named, Suffixes.TryGetValue(name[(split + 2)..], out var op) ? op : null)
            : null;
    }

    private static (object? Value, string? Error) Value(QueryField field, FilterOperator op, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, $"'{field.Name}' values must not contain U+0000.");
        }

        return op switch
        {
            FilterOperator.In => text.Split(',') is { Length: <= MaxInValues } values
                ? (values, null)
                : (null, $"At most {MaxInValues} values, separated by commas."),
            FilterOperator.Contains => new StringInfo(text).LengthInTextElements >= MinContainsLength
                ? (text, null)
                : (null, $"At least {MinContainsLength} characters."),
            _ => field.Kind switch
            {
                FieldKind.Boolean => text switch
                {
                    "true" => (true, null),
                    "false" => (false, null),
                    _ => (null, "Must be true or false."),
                },
                FieldKind.WholeNumber => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? (number, null)
                    : (null, "Must be an integer."),
                FieldKind.DateTime => DateTime(text) is { } instant
                    ? (instant, null)
                    : (null, "Must be an RFC 3339 date-time with an offset, like 2026-01-02T03:04:05Z."),
                _ => (text, null),
            },
        };
    }

    /// <summary>An RFC 3339 date-time as a UTC instant. A '+' of the offset that arrived as a space (an unencoded query string) is read as '+'.</summary>
    private static DateTimeOffset? DateTime(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var normal = match.Groups["sign"].Value == " " ? string.Concat(text.AsSpan(0, match.Groups["sign"].Index), "+", text.AsSpan(match.Groups["sign"].Index + 1)) : text;
        return DateTimeOffset.TryParse(normal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant.ToUniversalTime() : null;
    }

    /// <summary><c>order_by</c> normalized: its keys, then <c>id</c> (in the last key's direction) when it is not among them.</summary>
    private static List<OrderKey> Order(IQueryCollection query, ListFields fields, Dictionary<string, string[]> errors)
    {
        var order = new List<OrderKey>();
        if (query.TryGetValue(OrderByName, out var values) && Single(OrderByName, values, errors) is { } text)
        {
            foreach (var item in text.Split(','))
            {
                var descending = item.StartsWith('-');
                var name = descending ? item[1..] : item;
                if (fields.Find(name) is not { Sortable: true } field)
                {
                    errors[OrderByName] = [$"'{name}' is not a sort field of this list: {string.Join(", ", fields.Fields.Where(candidate => candidate.Sortable).Select(candidate => candidate.Name))}."];
                    return [new OrderKey(fields.Id, false)];
                }

                if (order.Any(key => key.Field == field))
                {
                    errors[OrderByName] = [$"'{name}' is named twice."];
                    return [new OrderKey(fields.Id, false)];
                }

                order.Add(new OrderKey(field, descending));
            }
        }

        if (!order.Any(key => key.Field == fields.Id))
        {
            order.Add(new OrderKey(fields.Id, order.Count > 0 && order[^1].Descending));
        }

        return order;
    }

    private static string? Single(string name, StringValues values, Dictionary<string, string[]> errors) =>
        values.Count == 1 ? values[0] ?? string.Empty : Fail(errors, name, $"'{name}' is given {values.Count} times; give it once.");

    private static string? Fail(Dictionary<string, string[]> errors, string name, string message)
    {
        errors[name] = [message];
        return null;
    }

    private static string Allowed(QueryField field) =>
        new StringBuilder().AppendJoin(", ", field.Operators.Order().Select(op => op == FilterOperator.Equal
            ? field.Name
            : $"{field.Name}__{Suffixes.Single(pair => pair.Value == op).Key}")).ToString();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|(?<sign>[+\- ])\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
