using KooPhone.Client.Connection;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// The engine's public surface is what PowerShell users touch: results and models, the context,
/// exceptions, enums and the run record (issue 21, item 5). Plumbing is internal, seen by the
/// cmdlet assembly and these tests through InternalsVisibleTo, so it cannot creep back unnoticed.
/// </summary>
public class PublicSurfaceTests
{
    private const int MaxPublicTypes = 60;

    private static readonly Type[] Exported = typeof(KooPhoneContext).Assembly.GetExportedTypes();

    [Fact]
    public void The_engine_exposes_at_most_60_public_types()
    {
        Assert.True(
            Exported.Length <= MaxPublicTypes,
            $"The engine exposes {Exported.Length} public types, more than {MaxPublicTypes}; make plumbing internal:"
            + Environment.NewLine + string.Join(Environment.NewLine, Exported.Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("KooPhone.Client.Auth")]
    [InlineData("KooPhone.Client.Batching")]
    [InlineData("KooPhone.Client.Http")]
    [InlineData("KooPhone.Client.Reconciling")]
    [InlineData("KooPhone.Client.Validation")]
    [InlineData("KooPhone.Client.Waiting")]
    public void Plumbing_namespaces_expose_only_exceptions_and_enums(string ns)
    {
        var plumbing = Exported
            .Where(t => t.Namespace == ns && !t.IsEnum && !typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(plumbing);
    }
}
