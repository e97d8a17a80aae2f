using Fpas.Application.Common.Persistence;
using Fpas.IntegrationTests.Zoo.Entities;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>The zoo: one small entity type per mapping teams add, each with a sample and a change of every changeable value.</summary>
public static class ZooCases
{
    public static IEnumerable<ZooCase> All { get; } =
    [
        new ZooCaseOf<ZooOwned>("owned type",
            () => new ZooOwned { Name = "owner", Address = new ZooAddress { Street = "1 Main St", City = "Ghent" } },
            () => new EntityPatch<ZooOwned>().Set(entity => entity.Address, new ZooAddress { Street = "2 Side St", City = "Bruges" }),
            singleStatementEligible: false),
        new ZooCaseOf<ZooOwnedJson>("owned type as JSON",
            () => new ZooOwnedJson { Name = "owner", Address = new ZooAddress { Street = "1 Main St", City = "Ghent" } },
            () => new EntityPatch<ZooOwnedJson>().Set(entity => entity.Name, "renamed").Set(entity => entity.Address, new ZooAddress { Street = "3 Quay", City = "Antwerp" }),
            singleStatementEligible: false),
        new ZooCaseOf<ZooComplex>("complex types, required and optional",
            () => new ZooComplex { Name = "priced", Price = new ZooMoney(12.50m, "EUR"), Discount = new ZooMoney(1.25m, "EUR") },
            () => new EntityPatch<ZooComplex>().Set(entity => entity.Price, new ZooMoney(99.99m, "USD")).Set(entity => entity.Discount, null),
            singleStatementEligible: false),
        new ZooCaseOf<ZooComplexJson>("complex type as JSON",
            () => new ZooComplexJson { Name = "priced", Price = new ZooMoney(12.50m, "EUR") },
            () => new EntityPatch<ZooComplexJson>().Set(entity => entity.Price, new ZooMoney(7.00m, "GBP")),
            singleStatementEligible: false),
        new ZooCaseOf<ZooDog>("TPH with a CLR discriminator under an abstract base",
            () => new ZooDog { Name = "Rex", GoodBoy = true },
            () => new EntityPatch<ZooDog>().Set(entity => entity.Name, "Max").Set(entity => entity.GoodBoy, false),
            singleStatementEligible: false),
        new ZooCaseOf<ZooCar>("TPH with a shadow discriminator",
            () => new ZooCar { Name = "hatchback", Doors = 5 },
            () => new EntityPatch<ZooCar>().Set(entity => entity.Doors, 3),
            singleStatementEligible: false),
        new ZooCaseOf<ZooVehicle>("TPH base type",
            () => new ZooVehicle { Name = "cart" },
            () => new EntityPatch<ZooVehicle>().Set(entity => entity.Name, "wagon"),
            singleStatementEligible: false),
        new ZooCaseOf<ZooInvoice>("TPT",
            () => new ZooInvoice { Title = "INV-1", Total = 100.10m },
            () => new EntityPatch<ZooInvoice>().Set(entity => entity.Total, 200.20m),
            singleStatementEligible: false),
        new ZooCaseOf<ZooCustomer>("entity splitting",
            () => new ZooCustomer { Name = "Ada", Phone = "+32 9 000", Notes = "first" },
            () => new EntityPatch<ZooCustomer>().Set(entity => entity.Phone, "+32 9 111").Set(entity => entity.Notes, null),
            singleStatementEligible: false),
        new ZooCaseOf<ZooShadow>("shadow property",
            () => new ZooShadow { Name = "shadowed" },
            () => new EntityPatch<ZooShadow>().Set(entity => entity.Name, "still shadowed"),
            singleStatementEligible: false),
        new ZooCaseOf<ZooStock>("second concurrency token",
            () => new ZooStock { Quantity = 3, Revision = 1 },
            () => new EntityPatch<ZooStock>().Set(entity => entity.Quantity, 4).Set(entity => entity.Revision, 2),
            singleStatementEligible: false),
        new ZooCaseOf<ZooSoftDeleted>("named query filter",
            () => new ZooSoftDeleted { Name = "kept" },
            () => new EntityPatch<ZooSoftDeleted>().Set(entity => entity.Name, "renamed"),
            singleStatementEligible: false),
        new ZooCaseOf<ZooSealedBox>("private constructor",
            () => new ZooSealedBox("boxed"),
            () => new EntityPatch<ZooSealedBox>().Set(entity => entity.Label, "reboxed"),
            singleStatementEligible: false),
        new ZooCaseOf<ZooVault>("backing field",
            () => new ZooVault("s3cret"),
            () => new EntityPatch<ZooVault>().Set(entity => entity.Secret, "n3w"),
            singleStatementEligible: true),
        new ZooCaseOf<ZooConverted>("value converters",
            () => new ZooConverted { Color = ZooColor.Green, Sku = new ZooSku("WID-001") },
            () => new EntityPatch<ZooConverted>().Set(entity => entity.Color, ZooColor.Red).Set(entity => entity.Sku, new ZooSku("WID-002")),
            singleStatementEligible: true),
        new ZooCaseOf<ZooPrimitive>("primitive collections",
            () => new ZooPrimitive { Tags = ["a", "b"], Scores = [1, 2, 3] },
            () => new EntityPatch<ZooPrimitive>().Set(entity => entity.Tags, ["c"]).Set(entity => entity.Scores, [9]),
            singleStatementEligible: true),
    ];

    /// <summary>The cases whose interceptors must run: the zoo with them registered.</summary>
    public static IEnumerable<ZooCase> Intercepted { get; } =
    [
        new ZooCaseOf<ZooStamped>("SaveChanges interceptor",
            () => new ZooStamped { Name = "plain" },
            () => new EntityPatch<ZooStamped>().Set(entity => entity.Name, "changed"),
            singleStatementEligible: false),
        new ZooCaseOf<ZooCommanded>("command interceptor",
            () => new ZooCommanded { Name = "plain" },
            () => new EntityPatch<ZooCommanded>().Set(entity => entity.Name, "changed"),
            singleStatementEligible: false),
    ];
}
