using Bogus;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The social volunteers (relawan sosial) of the demo WKSBM: 3 to 9 each, a few no longer active.</summary>
internal static class DemoVolunteers
{
    private static readonly string[] Skills =
    [
        "pendampingan lansia", "pendampingan disabilitas", "P3K", "administrasi dan pendataan", "penyuluhan",
        "pendampingan anak", "memasak untuk dapur umum", "kunjungan rumah", "mengemudi", "keterampilan usaha",
    ];

    public static List<Volunteer> Create(Faker faker, IReadOnlyList<Institution> institutions, DateOnly today)
    {
        var volunteers = new List<Volunteer>();
        foreach (var institution in institutions)
        {
            var count = faker.Random.Int(3, 9);
            for (var i = 0; i < count; i++)
            {
                var sex = DemoFakes.AnySex(faker, womenShare: 0.6f);
                var volunteer = new Volunteer
                {
                    InstitutionId = institution.Id,
                    RegencyCode = institution.RegencyCode,
                    Name = DemoFakes.PersonName(faker, sex),
                    Sex = sex,
                    Phone = faker.Random.Bool(0.8f) ? DemoFakes.MobilePhone(faker) : null,
                    Skills = string.Join(", ", faker.PickRandom(Skills, faker.Random.Int(1, 2))),
                    JoinedOn = DemoFakes.DateBetween(faker, institution.EstablishedOn ?? today.AddYears(-5), today.AddMonths(-1)),
                    IsActive = faker.Random.Bool(0.85f),
                };
                DemoFakes.EnsureValid(volunteer.Validate(today), $"volunteer {volunteer.Name}");
                volunteers.Add(volunteer);
            }
        }
        return volunteers;
    }
}
