using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Account;

/// <summary>
/// Five failed sign-ins lock an account for 15 minutes. Each test locks a user it created itself: lockouts
/// persist in the shared database, so no other test may use these accounts.
/// </summary>
public abstract class LockoutTests(WahanaFactory factory)
{
    private const string WrongPassword = "salah-kata-sandi";

    private async Task FailAsync(string userName, int times)
    {
        for (var i = 1; i <= times; i++)
        {
            using var response = await factory.RequestTokenAsync(userName, WrongPassword);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Attempt {i} with a wrong password: {(int)response.StatusCode}");
        }
    }

    private Task<WahanaUser> UserAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    [ProviderFact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_for_15_minutes()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.PetugasKabupaten, regencyCode: "34.01", prefix: "kunci");
        await FailAsync(userName, 5);

        using var response = await factory.RequestTokenAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var user = await UserAsync(userName);
        var now = factory.Clock.GetUtcNow();
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd.Value, now.AddMinutes(14), now.AddMinutes(15).AddSeconds(5));
    }

    [ProviderFact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_success_resets_the_count()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "kunci");
        await FailAsync(userName, 4);
        Assert.Equal(4, (await UserAsync(userName)).AccessFailedCount);

        using var response = await factory.RequestTokenAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await UserAsync(userName);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.True(user.LockoutEnd is null || user.LockoutEnd <= factory.Clock.GetUtcNow());

        // The count starts again: four more failures still do not lock.
        await FailAsync(userName, 4);
        using var again = await factory.RequestTokenAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [ProviderFact]
    public async Task A_token_issued_before_the_lockout_stops_working_when_the_account_is_locked()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "kunci");
        using var client = factory.CreateApiClient(await factory.GetTokenAsync(userName, TestUsers.Password));
        using (var before = await client.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await FailAsync(userName, 5);

        using var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class LockoutTestsOnSqlite(SqliteFixture app) : LockoutTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class LockoutTestsOnPostgres(PostgresFixture app) : LockoutTests(app.Factory);
