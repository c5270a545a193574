namespace Wahana.Tests.Support;

/// <summary>The demo accounts of the demo data contract, and the password of users the tests create.</summary>
public static class TestUsers
{
    /// <summary>The password of every demo account.</summary>
    public const string DemoPassword = "wahana-demo";

    /// <summary>The password of users created by <see cref="WahanaFactory.CreateUserAsync"/>.</summary>
    public const string Password = "uji-wahana-2026";

    public const string Admin = "admin.diy";
    public const string Forum = "forum.diy";
    public const string DinsosKulonProgo = "dinsos.kulonprogo";
    public const string DinsosBantul = "dinsos.bantul";
    public const string DinsosGunungkidul = "dinsos.gunungkidul";
    public const string DinsosSleman = "dinsos.sleman";
    public const string DinsosYogyakarta = "dinsos.yogyakarta";
    public const string Relawan01 = "relawan.01";

    /// <summary>The district offices' accounts with the kabupaten/kota each works in.</summary>
    public static readonly IReadOnlyList<(string UserName, string RegencyCode)> DistrictOffices =
    [
        (DinsosKulonProgo, "34.01"),
        (DinsosBantul, "34.02"),
        (DinsosGunungkidul, "34.03"),
        (DinsosSleman, "34.04"),
        (DinsosYogyakarta, "34.71"),
    ];

    /// <summary>pengurus.01 ... pengurus.81, numbered in the order of their WKSBM's village code.</summary>
    public static string Pengurus(int number) =>
        "pengurus." + number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
