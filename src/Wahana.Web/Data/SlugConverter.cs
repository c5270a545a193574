using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wahana.Web.Domain;

namespace Wahana.Web.Data;

/// <summary>Stores an enum as its stable slug (e.g. <c>rehabilitasi-sosial</c>), the code DOMAIN.md gives.</summary>
public sealed class SlugConverter<TEnum>() : ValueConverter<TEnum, string>(v => Slug.Of(v), s => Slug.Parse<TEnum>(s))
    where TEnum : struct, Enum;
