using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Fpas.Application.Common.Models;

namespace Fpas.Application.Common.Validation;

/// <summary>
/// Names validation errors as clients spell the property (snake_case). A rule on
/// <c>x =&gt; x.Name.Value</c> of an <see cref="Optional{T}"/> is named after <c>Name</c>.
/// </summary>
public static class WireNameResolver
{
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (member is null)
        {
            return null;
        }

        if (expression?.Body is MemberExpression { Expression: MemberExpression owner }
            && owner.Type.IsGenericType
            && owner.Type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            member = owner.Member;
        }

        return JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
    }
}
