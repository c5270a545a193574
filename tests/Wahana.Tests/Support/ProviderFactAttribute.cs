using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wahana.Tests.Support;

/// <summary>
/// A fact of a test base class that runs once per database provider: its SQLite subclass always runs, its
/// PostgreSQL subclass (in <see cref="OnPostgres"/>) is skipped when WAHANA_TEST_POSTGRES is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Wahana.Tests.Support.ProviderFactDiscoverer", "Wahana.Tests")]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="ProviderFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Wahana.Tests.Support.ProviderTheoryDiscoverer", "Wahana.Tests")]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

/// <summary>A fact that only makes sense on PostgreSQL; skipped when WAHANA_TEST_POSTGRES is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.IsAvailable)
        {
            Skip = PostgresServer.SkipReason;
        }
    }
}

internal static class ProviderSkip
{
    /// <summary>The reason to skip a test of this method's class, or null to run it.</summary>
    public static string? ReasonFor(ITestMethod testMethod)
    {
        if (PostgresServer.IsAvailable)
        {
            return null;
        }
        var inPostgresCollection = testMethod.TestClass.Class
            .GetCustomAttributes(typeof(CollectionAttribute))
            .Any(a => a.GetConstructorArguments().FirstOrDefault() is OnPostgres.Name);
        return inPostgresCollection ? PostgresServer.SkipReason : null;
    }

    /// <summary>One test case that is reported as skipped with the reason (xunit's own skip of a theory loses it).</summary>
    public static IXunitTestCase[] Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
    [
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason),
    ];
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.ReasonFor(testMethod) is { } reason
            ? ProviderSkip.Skipped(_sink, discoveryOptions, testMethod, reason)
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.ReasonFor(testMethod) is { } reason
            ? ProviderSkip.Skipped(_sink, discoveryOptions, testMethod, reason)
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
