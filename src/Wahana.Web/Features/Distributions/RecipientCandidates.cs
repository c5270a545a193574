using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// The recipients to tick on /kegiatan/baru: the ticked ones always (whatever the filter), then the WKSBM's active
/// beneficiaries that match the filter (PPKS category, padukuhan, not served this semester, name), up to
/// <see cref="Cap"/>. "Pilih semua" ticks every one the filter shows.
/// </summary>
public sealed class RecipientCandidates
{
    public const int Cap = 300;

    public sealed record Filter(string? Category, string? Hamlet, bool NotServed, string? Search, bool SelectAll);

    public sealed record Person(Guid Id, string Name, string Hamlet, int Age, IReadOnlyList<string> Categories);

    public required Guid InstitutionId { get; init; }

    public required Filter Applied { get; init; }

    public required Semester Semester { get; init; }

    public required IReadOnlyList<Person> Selected { get; init; }

    public required IReadOnlyList<Person> Others { get; init; }

    /// <summary>More people match than are shown; the user narrows the filter.</summary>
    public required bool Capped { get; init; }

    public required int Matching { get; init; }

    public required IReadOnlyList<string> Hamlets { get; init; }

    public static async Task<RecipientCandidates> LoadAsync(
        WahanaDbContext db, Guid institutionId, IReadOnlyCollection<Guid> ticked, Filter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var semester = Semester.Of(today);
        var active = db.Beneficiaries.AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null);
        var matching = active;
        if (filter.Category is { } slug && PpksCategory.FindBySlug(slug) is { } category)
        {
            var categoryId = category.Id;
            matching = matching.Where(b => b.Categories.Any(c => c.CategoryId == categoryId));
        }
        if (filter.Hamlet is { } hamlet)
        {
            matching = matching.Where(b => b.Hamlet == hamlet);
        }
        if (filter.NotServed)
        {
            var (start, end) = (semester.Start, semester.End);
            matching = matching.Where(b => !db.Services.Any(s => s.BeneficiaryId == b.Id && s.Date >= start && s.Date <= end));
        }
        if (filter.Search is { } search && PersonName.Key(search) is { Length: > 0 } key)
        {
            foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var pattern = "%" + word + "%";
                matching = matching.Where(b => EF.Functions.Like(b.NameKey, pattern));
            }
        }
        var found = await Project(matching.OrderBy(b => b.NameKey).Take(Cap + 1), today, cancellationToken);
        var capped = found.Count > Cap;
        if (capped)
        {
            found.RemoveAt(Cap);
        }
        var selectedIds = ticked.ToHashSet();
        if (filter.SelectAll)
        {
            selectedIds.UnionWith(found.Select(p => p.Id));
        }
        var missing = selectedIds.Where(id => found.All(p => p.Id != id)).ToList();
        var elsewhere = missing.Count == 0 ? [] : await Project(active.Where(b => missing.Contains(b.Id)), today, cancellationToken);
        var hamlets = await active.Select(b => b.Hamlet).Distinct().ToListAsync(cancellationToken);
        var selected = found.Where(p => selectedIds.Contains(p.Id)).Concat(elsewhere).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        return new RecipientCandidates
        {
            InstitutionId = institutionId,
            Applied = filter,
            Semester = semester,
            Selected = selected,
            Others = [.. found.Where(p => !selectedIds.Contains(p.Id))],
            Capped = capped,
            Matching = found.Count,
            Hamlets = [.. hamlets.Where(h => !string.IsNullOrWhiteSpace(h)).Order(StringComparer.CurrentCulture)],
        };
    }

    private static async Task<List<Person>> Project(IQueryable<Beneficiary> people, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await people
            .Select(b => new { b.Id, b.Name, b.Hamlet, b.BirthDate, Categories = b.Categories.Select(c => c.CategoryId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Person(r.Id, r.Name, r.Hamlet, Age(r.BirthDate, today),
            [.. r.Categories.Order().Select(id => PpksCategory.All.FirstOrDefault(c => c.Id == id)?.Name).OfType<string>()]))];
    }

    private static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
