using System.Linq.Expressions;
using AutoMapper;
using Fpas.Application.Common.Models;

namespace Fpas.Application.Common.Mapping;

public static class OptionalMappingExtensions
{
    /// <summary>Maps an <see cref="Optional{T}"/> source member only when the client sent it (partial updates).</summary>
    public static IMappingExpression<TSource, TDestination> MapWhenPresent<TSource, TDestination, TMember, TValue>(
        this IMappingExpression<TSource, TDestination> map,
        Expression<Func<TDestination, TMember>> destinationMember,
        Func<TSource, Optional<TValue>> sourceMember)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.ForMember(destinationMember, options =>
        {
            options.PreCondition(source => sourceMember(source).HasValue);
            options.MapFrom(source => sourceMember(source).Value);
        });
    }
}
