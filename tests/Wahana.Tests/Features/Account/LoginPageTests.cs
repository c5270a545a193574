using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Account;

/// <summary>The log-in page /masuk, log-out /keluar, and the redirect of anonymous visitors.</summary>
public abstract partial class LoginPageTests(WahanaFactory factory)
{
    private static string? AlertText(string html)
    {
        var match = AlertDanger().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups["inner"].Value, "<[^>]+>", "", RegexOptions.None, TimeSpan.FromSeconds(1))).Trim() : null;
    }

    [ProviderFact]
    public async Task The_login_page_is_in_Indonesian_with_its_form_and_antiforgery_token()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync(HttpHelpers.LoginPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<html[^>]*\\blang=\"id\"", html);
        Assert.Contains("Masuk", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*\\bid=\"Username\"", html);
        Assert.Matches("<input[^>]*\\bname=\"Username\"", html);
        Assert.Matches("<input(?=[^>]*\\bname=\"Password\")(?=[^>]*\\btype=\"password\")[^>]*>", html);
        Assert.NotEmpty(HttpHelpers.AntiforgeryToken(html));
    }

    [ProviderFact]
    public async Task The_footer_says_services_are_free_and_a_banner_says_DEMO()
    {
        using var client = factory.CreateBrowserLikeClient();
        var html = await client.GetStringAsync(HttpHelpers.LoginPath);
        Assert.Contains("Semua layanan tidak dipungut biaya", html, StringComparison.Ordinal);
        Assert.Contains("DEMO", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_anonymous_visitor_of_the_home_page_is_sent_to_log_in()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, response.RedirectTarget(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_right_password_signs_in_and_redirects_home()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wahana=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [ProviderFact]
    public async Task The_login_returns_to_a_local_return_url()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, TestUsers.Password, returnUrl: "/healthz");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/healthz", response.RedirectTarget());
    }

    [ProviderFact]
    public async Task The_login_never_redirects_to_another_site()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, TestUsers.Password, returnUrl: "https://contoh.invalid/curi");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"Redirected off-site to {location}");
        Assert.Equal("/", response.RedirectTarget());
    }

    [ProviderFact]
    public async Task A_wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, "bukan-kata-sandinya");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(AlertText(html)), "No div.alert-danger with a message: " + HttpHelpers.Excerpt(html));
        // The form is shown again, without echoing the password.
        Assert.Contains("name=\"Password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bukan-kata-sandinya", html, StringComparison.Ordinal);

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [ProviderFact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        using var wrong = await client.PostLoginAsync(userName, "bukan-kata-sandinya");
        using var unknown = await client.PostLoginAsync("tidak.ada.orangnya", "bukan-kata-sandinya");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var wrongAlert = AlertText(await wrong.Content.ReadAsStringAsync());
        var unknownAlert = AlertText(await unknown.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(unknownAlert));
        Assert.Equal(wrongAlert, unknownAlert);
    }

    [ProviderFact]
    public async Task A_locked_out_user_is_told_the_account_is_locked()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        await factory.WithUsersAsync(async users =>
        {
            var user = await users.FindByNameAsync(userName);
            return await users.SetLockoutEndDateAsync(user!, factory.Clock.GetUtcNow().AddMinutes(15));
        });
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("terkunci", AlertText(await response.Content.ReadAsStringAsync()) ?? "", StringComparison.OrdinalIgnoreCase);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [ProviderFact]
    public async Task Five_wrong_passwords_on_the_page_lock_the_account()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostLoginAsync(userName, "bukan-kata-sandinya");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await client.PostLoginAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("terkunci", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var lockedOut = await factory.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!));
        Assert.True(lockedOut);
    }

    [ProviderFact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = factory.CreateBrowserLikeClient();
        (await client.GetAsync(HttpHelpers.LoginPath)).Dispose();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Username"] = userName, ["Password"] = TestUsers.Password });
        using var response = await client.PostAsync(HttpHelpers.LoginPath, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("wahana=", StringComparison.Ordinal)));
    }

    [ProviderFact]
    public async Task Keluar_signs_out_and_the_home_page_asks_to_log_in_again()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "masuk");
        using var client = await factory.CreateLoggedInClientAsync(userName, TestUsers.Password);
        var home = await client.GetStringAsync("/");
        Assert.Matches("<form[^>]*\\baction=\"/keluar\"", home);
        Assert.Contains("Keluar", home, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = LogoutToken(home) });
        using var logout = await client.PostAsync("/keluar", form);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, after.RedirectTarget(), StringComparison.Ordinal);
    }

    private static string LogoutToken(string html)
    {
        var form = LogoutForm().Match(html);
        Assert.True(form.Success, "No POST form to /keluar on the home page.");
        return HttpHelpers.AntiforgeryToken(form.Value);
    }

    [GeneratedRegex("""<div(?=[^>]*\bclass="[^"]*\balert-danger\b)[^>]*>(?<inner>.*?)</div>""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex AlertDanger();

    [GeneratedRegex("""<form[^>]*\baction="/keluar"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LogoutForm();
}

[Collection(OnSqlite.Name)]
public sealed class LoginPageTestsOnSqlite(SqliteFixture app) : LoginPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class LoginPageTestsOnPostgres(PostgresFixture app) : LoginPageTests(app.Factory);
