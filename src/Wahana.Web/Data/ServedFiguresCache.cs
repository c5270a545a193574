using System.Collections.Concurrent;
using Wahana.Web.Domain;

namespace Wahana.Web.Data;

/// <summary>
/// What one WKSBM did in one semester, as read from its service records: the parts the semester figures are composed
/// of (Features/Reports/ServedFiguresQuery), kept so that a dashboard of the province adds up some hundreds of these
/// instead of reading a million services on every request.
/// </summary>
public sealed class InstitutionSemesterFigures
{
    public static InstitutionSemesterFigures Empty { get; } = new();

    /// <summary>Services and rupiah per kind, form and funding source.</summary>
    public IReadOnlyList<ServiceTotalRow> Totals { get; init; } = [];

    /// <summary>The distinct people who received a service from this WKSBM.</summary>
    public IReadOnlySet<Guid> People { get; init; } = new HashSet<Guid>();

    /// <summary>Group distributions held (distinct distributions of its services).</summary>
    public int Activities { get; init; }

    /// <summary>The distinct volunteers who took part in its services.</summary>
    public IReadOnlySet<Guid> Volunteers { get; init; } = new HashSet<Guid>();

    /// <summary>Referrals it sent in the semester, by their status now.</summary>
    public IReadOnlyDictionary<ReferralStatus, int> Referrals { get; init; } = new Dictionary<ReferralStatus, int>();

    /// <summary>Its active beneficiaries registered by the semester's end who had no service in it, from anyone.</summary>
    public int NotServed { get; init; }

    /// <summary>Its figures as compiled from these parts (Features/Reports), set on first use.</summary>
    public object? Compiled { get; set; }
}

public sealed record ServiceTotalRow(ServiceKind Kind, ServiceForm Form, FundingSource Funding, int Services, long Rupiah);

/// <summary>The facts of a person served that the figures count: sex, birth date (for the age group), PPKS category ids.</summary>
public sealed record ServedPersonFacts(Sex Sex, DateOnly BirthDate, int[] CategoryIds);

/// <summary>
/// Keeps <see cref="InstitutionSemesterFigures"/> per (semester, WKSBM) and the facts of the people served, for the
/// life of the process. <see cref="WahanaDbContext"/> forgets what each save touches (the WKSBM of a service, its
/// semester, the home WKSBM of its person; a person's facts and every entry counting them), and the few bulk writes
/// outside the change tracker call <see cref="ForgetAll"/> after their commit. A load that overlapped a change of the
/// same WKSBM or person is used for its request but not kept, so a figure is never older than the last committed save
/// of this process. Several application instances would each keep their own: see docs/decisions/0012-semester-figures-kept.md.
/// </summary>
public sealed class ServedFiguresCache
{
    /// <summary>How many WKSBM and people changed since the last reset are remembered (a few MB), see <see cref="ForgetOldChanges"/>.</summary>
    internal const int MaxRememberedChanges = 100_000;

    private readonly ConcurrentDictionary<(Semester Semester, Guid InstitutionId), InstitutionSemesterFigures> _entries = new();
    private readonly ConcurrentDictionary<Guid, ServedPersonFacts> _people = new();
    private readonly ConcurrentDictionary<(Semester Semester, string Area), Composed> _composed = new();
    private readonly Dictionary<Guid, long> _institutionChangedAt = [];
    private readonly Dictionary<Guid, long> _personChangedAt = [];
    private readonly Lock _lock = new();
    private long _changes;
    private long _allChangedAt;

    /// <summary>Taken before a load: what the load reads is kept only if nothing it covers changed after this.</summary>
    public long Stamp() => Interlocked.Read(ref _changes);

    public bool TryGet(Semester semester, Guid institutionId, out InstitutionSemesterFigures figures) =>
        _entries.TryGetValue((semester, institutionId), out figures!);

    public bool TryGetPerson(Guid personId, out ServedPersonFacts facts) => _people.TryGetValue(personId, out facts!);

    /// <summary>Keeps a WKSBM's semester as loaded after <paramref name="stamp"/>, unless it changed meanwhile.</summary>
    public void Keep(long stamp, Semester semester, Guid institutionId, InstitutionSemesterFigures figures)
    {
        lock (_lock)
        {
            if (_allChangedAt <= stamp && _institutionChangedAt.GetValueOrDefault(institutionId) <= stamp)
            {
                _entries[(semester, institutionId)] = figures;
            }
        }
    }

    public void KeepPerson(long stamp, Guid personId, ServedPersonFacts facts)
    {
        lock (_lock)
        {
            if (_allChangedAt <= stamp && _personChangedAt.GetValueOrDefault(personId) <= stamp)
            {
                _people[personId] = facts;
            }
        }
    }

    /// <summary>
    /// Figures composed from <paramref name="parts"/> for an area (its WKSBM ids in order) earlier, if they were composed
    /// from these very parts: a part that changed is a new object, so a match means nothing in the area changed.
    /// </summary>
    public bool TryGetComposed<T>(Semester semester, string area, IReadOnlyDictionary<Guid, InstitutionSemesterFigures> parts, out T composed)
        where T : class
    {
        composed = null!;
        if (!_composed.TryGetValue((semester, area), out var kept) || kept.Value is not T value || kept.Parts.Count != parts.Count)
        {
            return false;
        }
        foreach (var (id, part) in parts)
        {
            if (!kept.Parts.TryGetValue(id, out var keptPart) || !ReferenceEquals(keptPart, part))
            {
                return false;
            }
        }
        composed = value;
        return true;
    }

    public void KeepComposed(Semester semester, string area, IReadOnlyDictionary<Guid, InstitutionSemesterFigures> parts, object composed) =>
        _composed[(semester, area)] = new Composed(parts, composed);

    private sealed record Composed(IReadOnlyDictionary<Guid, InstitutionSemesterFigures> Parts, object Value);

    /// <summary>A save changed these WKSBM's services, referrals or people (in <paramref name="semesters"/>, or in any).</summary>
    public void Forget(IReadOnlyCollection<Guid> institutionIds, IReadOnlyCollection<Semester>? semesters)
    {
        if (institutionIds.Count == 0)
        {
            return;
        }
        lock (_lock)
        {
            var now = ++_changes;
            foreach (var institution in institutionIds)
            {
                _institutionChangedAt[institution] = now;
            }
            var keys = semesters is null
                ? _entries.Keys.Where(k => institutionIds.Contains(k.InstitutionId))
                : institutionIds.SelectMany(i => semesters.Select(s => (s, i)));
            foreach (var key in keys.ToList())
            {
                _entries.TryRemove(key, out _);
            }
            ForgetOldChanges();
        }
    }

    /// <summary>A save changed these people (sex, birth date, categories, status, merge): their facts and every entry counting them go.</summary>
    public void ForgetPeople(IReadOnlyCollection<Guid> personIds)
    {
        if (personIds.Count == 0)
        {
            return;
        }
        lock (_lock)
        {
            var now = ++_changes;
            foreach (var person in personIds)
            {
                _personChangedAt[person] = now;
                _people.TryRemove(person, out _);
            }
            foreach (var (key, figures) in _entries.Where(e => personIds.Any(e.Value.People.Contains)).ToList())
            {
                _institutionChangedAt[key.InstitutionId] = now;
                _entries.TryRemove(key, out _);
            }
            ForgetOldChanges();
        }
    }

    /// <summary>The WKSBM and people whose last change is remembered (to refuse loads that overlapped it).</summary>
    internal int RememberedChanges
    {
        get
        {
            lock (_lock)
            {
                return _institutionChangedAt.Count + _personChangedAt.Count;
            }
        }
    }

    /// <summary>
    /// Keeps the memory of changes bounded: past <see cref="MaxRememberedChanges"/>, every load started before now is
    /// refused as after <see cref="ForgetAll"/>, which makes the per-WKSBM and per-person times unnecessary. What is
    /// kept stays: each change already removed what it touched. Called under the lock.
    /// </summary>
    private void ForgetOldChanges()
    {
        if (_institutionChangedAt.Count + _personChangedAt.Count > MaxRememberedChanges)
        {
            _allChangedAt = ++_changes;
            _institutionChangedAt.Clear();
            _personChangedAt.Clear();
        }
    }

    /// <summary>After a bulk write outside the change tracker (an import, an erasure, a merge).</summary>
    public void ForgetAll()
    {
        lock (_lock)
        {
            _allChangedAt = ++_changes;
            _entries.Clear();
            _people.Clear();
            _composed.Clear();
            _institutionChangedAt.Clear();
            _personChangedAt.Clear();
        }
    }
}
