using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Tests.Data;

/// <summary>
/// ServedFiguresCache remembers when each WKSBM and person last changed, to refuse a load that overlapped the change.
/// That memory stays bounded, without letting an overlapping load be kept and without losing what is kept.
/// </summary>
public sealed class ServedFiguresCacheMemoryTests
{
    private static readonly Semester Semester = new(2026, 1);

    [Fact]
    public void Past_the_limit_the_remembered_changes_are_dropped_and_loads_begun_before_are_still_refused()
    {
        var cache = new ServedFiguresCache();
        var keptBefore = Guid.CreateVersion7();
        cache.Keep(cache.Stamp(), Semester, keptBefore, InstitutionSemesterFigures.Empty);
        var overlapping = cache.Stamp();

        for (var i = 0; i < ServedFiguresCache.MaxRememberedChanges; i++)
        {
            cache.ForgetPeople([Guid.CreateVersion7()]);
        }
        Assert.Equal(ServedFiguresCache.MaxRememberedChanges, cache.RememberedChanges);
        var changedPerson = Guid.CreateVersion7();
        cache.ForgetPeople([changedPerson]);
        Assert.Equal(0, cache.RememberedChanges);

        // A load begun before that change may not be kept; one begun after may.
        cache.KeepPerson(overlapping, changedPerson, new ServedPersonFacts(Sex.Perempuan, new DateOnly(1950, 1, 1), []));
        Assert.False(cache.TryGetPerson(changedPerson, out _));
        var overlappingWksbm = Guid.CreateVersion7();
        cache.Keep(overlapping, Semester, overlappingWksbm, InstitutionSemesterFigures.Empty);
        Assert.False(cache.TryGet(Semester, overlappingWksbm, out _));
        cache.KeepPerson(cache.Stamp(), changedPerson, new ServedPersonFacts(Sex.Perempuan, new DateOnly(1950, 1, 1), []));
        Assert.True(cache.TryGetPerson(changedPerson, out _));

        // What was kept before, and untouched since, is still there.
        Assert.True(cache.TryGet(Semester, keptBefore, out _));
    }
}
