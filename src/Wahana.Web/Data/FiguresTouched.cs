using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wahana.Web.Domain;

namespace Wahana.Web.Data;

/// <summary>
/// What a save changes of the semester figures (<see cref="ServedFiguresCache"/>): read from the change tracker before
/// the save, forgotten after it. A service touches its WKSBM in its semester and the home WKSBM of its person (whose
/// "not served" count it changes); a referral its WKSBM; a person, or their categories, their home WKSBM and every
/// entry that counts them.
/// </summary>
public sealed class FiguresTouched
{
    private readonly HashSet<Guid> _serviceInstitutions = [];
    private readonly HashSet<Semester> _semesters = [];
    private readonly HashSet<Guid> _servedPeople = [];
    private readonly HashSet<Guid> _institutions = [];
    private readonly HashSet<Guid> _people = [];
    private bool _unknown;

    public static FiguresTouched Of(ChangeTracker tracker)
    {
        var touched = new FiguresTouched();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                touched.Add(entry, tracker);
            }
        }
        return touched;
    }

    private void Add(EntityEntry entry, ChangeTracker tracker)
    {
        switch (entry.Entity)
        {
            case Service:
                AddService(entry);
                break;
            case ServiceVolunteer volunteer:
                var service = tracker.Entries<Service>().FirstOrDefault(s => s.Entity.Id == volunteer.ServiceId);
                if (service is null)
                {
                    _unknown = true;
                }
                else
                {
                    AddService(service);
                }
                break;
            case Referral:
                _institutions.UnionWith(Both<Guid>(entry, nameof(Referral.InstitutionId)));
                break;
            case Beneficiary beneficiary:
                _institutions.UnionWith(Both<Guid>(entry, nameof(Beneficiary.InstitutionId)));
                _people.Add(beneficiary.Id);
                break;
            case BeneficiaryCategory category:
                _people.Add(category.BeneficiaryId);
                break;
        }
    }

    private void AddService(EntityEntry entry)
    {
        _serviceInstitutions.UnionWith(Both<Guid>(entry, nameof(Service.InstitutionId)));
        _semesters.UnionWith(Both<DateOnly>(entry, nameof(Service.Date)).Select(Semester.Of));
        _servedPeople.UnionWith(Both<Guid>(entry, nameof(Service.BeneficiaryId)));
    }

    private static IEnumerable<T> Both<T>(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return entry.State == EntityState.Added ? [(T)value.CurrentValue!] : [(T)value.OriginalValue!, (T)value.CurrentValue!];
    }

    public void Forget(WahanaDbContext db)
    {
        if (Forget(db.FiguresCache))
        {
            return;
        }
        ForgetHomes(db.FiguresCache, [.. HomesQuery(db)]);
    }

    public async Task ForgetAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        if (Forget(db.FiguresCache))
        {
            return;
        }
        ForgetHomes(db.FiguresCache, await HomesQuery(db).ToListAsync(cancellationToken));
    }

    /// <summary>Forgets what needs no query; true when nothing is left to look up.</summary>
    private bool Forget(ServedFiguresCache cache)
    {
        if (_unknown)
        {
            cache.ForgetAll();
            return true;
        }
        cache.Forget(_serviceInstitutions, _semesters);
        cache.Forget(_institutions, null);
        cache.ForgetPeople(_people);
        return _servedPeople.Count == 0;
    }

    private void ForgetHomes(ServedFiguresCache cache, List<Guid> homes) =>
        cache.Forget([.. homes.Where(h => !_serviceInstitutions.Contains(h))], _semesters);

    private IQueryable<Guid> HomesQuery(WahanaDbContext db)
    {
        var people = _servedPeople.ToList();
        return db.Beneficiaries.IgnoreQueryFilters().Where(b => people.Contains(b.Id)).Select(b => b.InstitutionId).Distinct();
    }
}
