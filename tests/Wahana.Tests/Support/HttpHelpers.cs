using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wahana.Tests.Support;

/// <summary>Signing in as a browser does (cookie) and as an API client does (bearer token).</summary>
public static partial class HttpHelpers
{
    public const string LoginPath = "/masuk";

    /// <summary>POST /api/v1/auth/token; returns the response as it is (200 with a token, or 401).</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(this WahanaFactory factory, string userName, string password)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        // Read the body while the client is alive.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A bearer token for the user, failing the test with the server's answer when there is none.</summary>
    public static async Task<string> GetTokenAsync(this WahanaFactory factory, string userName, string password = TestUsers.DemoPassword)
    {
        using var response = await factory.RequestTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"No token for {userName}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return token!;
    }

    /// <summary>A client that sends the bearer token with every request.</summary>
    public static HttpClient CreateApiClient(this WahanaFactory factory, string token)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in with the user's bearer token.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this WahanaFactory factory, string userName, string password = TestUsers.DemoPassword) =>
        factory.CreateApiClient(await factory.GetTokenAsync(userName, password));

    /// <summary>GETs JSON, failing the test with the body when the status is not 200.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>
    /// Posts the log-in form as a browser does: GET /masuk (which sets the antiforgery cookie), read the form's
    /// antiforgery token, POST user name and password. Returns the POST's response (302 on success, 200 with
    /// an error message otherwise). The client must keep cookies and not follow redirects.
    /// </summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var loginUrl = returnUrl is null ? LoginPath : $"{LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        using var page = await client.GetAsync(loginUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {loginUrl}: {(int)page.StatusCode}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
        });
        return await client.PostAsync(loginUrl, form);
    }

    /// <summary>
    /// Submits a form as a browser does: GET the page the form is on (for its antiforgery token), then POST the
    /// fields to <paramref name="postUrl"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode}");
        fields["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(postUrl, form);
    }

    /// <summary>A client signed in by the log-in page (cookie), not following redirects.</summary>
    public static async Task<HttpClient> CreateLoggedInClientAsync(this WahanaFactory factory, string userName, string password = TestUsers.DemoPassword)
    {
        var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            client.Dispose();
            Assert.Fail($"Log-in of {userName} did not redirect: {(int)response.StatusCode} {Excerpt(body)}");
        }
        return client;
    }

    /// <summary>The path (with query) a redirect points to, whether its Location is absolute or relative.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The value of the first hidden antiforgery token field in the page.</summary>
    public static string AntiforgeryToken(string html)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") == "__RequestVerificationToken" && Attribute(tag, "value") is { Length: > 0 } value)
            {
                return WebUtility.HtmlDecode(value);
            }
        }
        Assert.Fail("The page has no antiforgery token (hidden input __RequestVerificationToken): " + Excerpt(html));
        return "";
    }

    /// <summary>The text inside the element that carries data-testid="<paramref name="testId"/>", tags removed and trimmed.</summary>
    public static string? TestIdText(string html, string testId)
    {
        var match = Regex.Match(html,
            $"""<(?<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bdata-testid\s*=\s*["']{Regex.Escape(testId)}["'][^>]*>(?<inner>.*?)</\k<tag>\s*>""",
            RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        if (!match.Success)
        {
            return null;
        }
        var text = Tags().Replace(match.Groups["inner"].Value, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    /// <summary>The whole number shown in a data-testid element (thousands separators such as "5.123" allowed).</summary>
    public static long TestIdNumber(string html, string testId)
    {
        var text = TestIdText(html, testId);
        Assert.True(text is not null, $"The page has no element with data-testid=\"{testId}\": {Excerpt(html)}");
        var digits = new string([.. text!.Where(char.IsAsciiDigit)]);
        Assert.True(digits.Length > 0 && Regex.IsMatch(text!, @"^[\d.\s\u00a0]+$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            $"data-testid=\"{testId}\" should hold a number, not '{text}'.");
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Excerpt(string text) => text.Length <= 2000 ? text : text[..2000] + " ...";

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\b{name}\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>]+))""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
