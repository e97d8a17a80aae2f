using AutoMapper;
using AutoMapper.Internal;
using Fpas.Application;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.UnitTests.Common;

/// <summary>Checks of every map in the application, whatever resource it belongs to.</summary>
public sealed class MappingConfigurationTests
{
    [Test]
    public void NoStringMember_IsFilledByToStringOfAnotherType()
    {
        using var services = new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider();
        var configuration = (IGlobalConfiguration)services.GetRequiredService<IMapper>().ConfigurationProvider;
        var converters = configuration.GetAllTypeMaps().Select(map => (map.SourceType, map.DestinationType)).ToHashSet();

        // AssertConfigurationIsValid accepts a string member resolved from a value of another type: AutoMapper then writes
        // its ToString() ("Sku { Value = W-1 }"), for a constructor parameter even where a ForMember said otherwise.
        var filledByToString = configuration.GetAllTypeMaps()
            .SelectMany(map => map.MemberMaps.Select(member => (Map: map, Member: member)))
            .Where(pair => !SetByConstructor(pair.Map, pair.Member))
            .Where(pair => pair.Member is { Ignored: false, CanResolveValue: true } && pair.Member.DestinationType == typeof(string)
                           && pair.Member.SourceType is { } source && source != typeof(string) && !converters.Contains((source, typeof(string))))
            .Select(pair => $"{pair.Map.SourceType.Name} -> {pair.Map.DestinationType.Name}.{pair.Member.DestinationName} (from {pair.Member.SourceType!.Name})");

        Assert.That(filledByToString, Is.Empty);
    }

    /// <summary>A property of a positional record that its constructor parameter sets: AutoMapper does not map it again.</summary>
    private static bool SetByConstructor(TypeMap map, MemberMap member) =>
        member is PropertyMap && map.ConstructorMap is { CanResolve: true } constructor
        && constructor.CtorParams.Any(parameter => string.Equals(parameter.DestinationName, member.DestinationName, StringComparison.OrdinalIgnoreCase));
}
