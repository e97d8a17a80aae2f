namespace Fpas.TemplateTests;

/// <summary>The names the templates must produce for the service name <c>My-Shop2</c> and the resources <c>Tag</c> and <c>Note</c>.</summary>
internal static class GeneratedSolution
{
    public const string ServiceName = "My-Shop2";
    public const string CSharpName = "MyShop2";
    public const string UpperName = "MY_SHOP2";
    public const string ConnectionVariable = "MY_SHOP2_TEST_CONNECTION";
    public const string DirectConnectionVariable = "MY_SHOP2_TEST_DIRECT_CONNECTION";
    public const string ResourceName = "Tag";

    /// <summary>The second resource, made with <c>--audited --soft-delete</c>.</summary>
    public const string OptionsResourceName = "Note";
}
