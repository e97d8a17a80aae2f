using System.Linq.Expressions;
using System.Reflection;
using Fpas.Application.Common.Models;
using Fpas.Application.Common.Serialization;

namespace Fpas.Application.Common.Validation;

/// <summary>
/// Names validation errors as clients spell the property, with the serializer's own <see cref="WireNaming.Policy"/>. A rule on
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

        return WireNaming.Policy.ConvertName(member.Name);
    }
}
