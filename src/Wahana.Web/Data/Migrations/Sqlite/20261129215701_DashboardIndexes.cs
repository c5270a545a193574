using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wahana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Services_Figures",
                table: "Services",
                columns: new[] { "Date", "RegencyCode", "InstitutionId", "BeneficiaryId", "Kind", "Form", "FundingSource", "ValueRupiah" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_Figures",
                table: "Services");
        }
    }
}
