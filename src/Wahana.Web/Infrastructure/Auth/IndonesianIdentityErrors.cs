using Microsoft.AspNetCore.Identity;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>Identity's error messages in Bahasa Indonesia.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Kata sandi minimal {length} karakter." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Nama pengguna '{userName}' sudah dipakai." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah dan tanda hubung." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Data pengguna ini baru saja diubah orang lain; muat ulang halaman lalu coba lagi." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Terjadi kesalahan; coba lagi." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Kata sandi salah." };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = "Penguncian akun tidak aktif untuk pengguna ini." };
}
