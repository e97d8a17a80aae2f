using System.Globalization;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Fpas.IntegrationTests.Support;

/// <summary>
/// Runs the tests of the assembly in a random order, so that a test depending on another's data fails.
/// The seed is printed at the start of the run; set <c>FPAS_TEST_SEED</c> to repeat an order.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RandomOrderAttribute : NUnitAttribute, IApplyToTest
{
    public const string SeedVariable = "FPAS_TEST_SEED";

    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Shuffle(test, new Random(Seed));
    }

    // NUnit runs siblings by their Order property; random values make a random, repeatable order.
    private static void Shuffle(ITest suite, Random random)
    {
        foreach (var child in suite.Tests)
        {
            if (child is Test test)
            {
                test.Properties.Set(PropertyNames.Order, random.Next());
            }

            Shuffle(child, random);
        }
    }
}
