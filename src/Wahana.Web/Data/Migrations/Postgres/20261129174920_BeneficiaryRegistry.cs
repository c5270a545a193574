using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wahana.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BeneficiaryRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_BeneficiaryId",
                table: "Services");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_InstitutionId",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_RegencyCode",
                table: "Beneficiaries");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "Beneficiaries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Beneficiaries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Beneficiaries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredOn",
                table: "Beneficiaries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Beneficiaries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "BeneficiaryStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BeneficiaryStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BeneficiaryStatusChanges_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DuplicatePairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicatePairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicatePairs_Beneficiaries_FirstId",
                        column: x => x.FirstId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuplicatePairs_Beneficiaries_SecondId",
                        column: x => x.SecondId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceShareRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderInstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderRegencyCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    RequestingInstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterRegencyCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceShareRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceShareRequests_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceShareRequests_Institutions_HolderInstitutionId",
                        column: x => x.HolderInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceShareRequests_Institutions_RequestingInstitutionId",
                        column: x => x.RequestingInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Services_BeneficiaryId_Date",
                table: "Services",
                columns: new[] { "BeneficiaryId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_BirthDate",
                table: "Beneficiaries",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_InstitutionId_NameKey",
                table: "Beneficiaries",
                columns: new[] { "InstitutionId", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_MergedIntoId",
                table: "Beneficiaries",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_NameKey",
                table: "Beneficiaries",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_NameKey_Trigram",
                table: "Beneficiaries",
                column: "NameKey")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_RegencyCode_NameKey",
                table: "Beneficiaries",
                columns: new[] { "RegencyCode", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_VillageCode_NameKey",
                table: "Beneficiaries",
                columns: new[] { "VillageCode", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_BeneficiaryStatusChanges_BeneficiaryId",
                table: "BeneficiaryStatusChanges",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_Decision_Score",
                table: "DuplicatePairs",
                columns: new[] { "Decision", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_FirstId_SecondId",
                table: "DuplicatePairs",
                columns: new[] { "FirstId", "SecondId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_SecondId",
                table: "DuplicatePairs",
                column: "SecondId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceShareRequests_BeneficiaryId",
                table: "ServiceShareRequests",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceShareRequests_HolderInstitutionId_Status",
                table: "ServiceShareRequests",
                columns: new[] { "HolderInstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceShareRequests_RequestingInstitutionId",
                table: "ServiceShareRequests",
                column: "RequestingInstitutionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Beneficiaries_Beneficiaries_MergedIntoId",
                table: "Beneficiaries",
                column: "MergedIntoId",
                principalTable: "Beneficiaries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Beneficiaries_Beneficiaries_MergedIntoId",
                table: "Beneficiaries");

            migrationBuilder.DropTable(
                name: "BeneficiaryStatusChanges");

            migrationBuilder.DropTable(
                name: "DuplicatePairs");

            migrationBuilder.DropTable(
                name: "ServiceShareRequests");

            migrationBuilder.DropIndex(
                name: "IX_Services_BeneficiaryId_Date",
                table: "Services");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_BirthDate",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_InstitutionId_NameKey",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_MergedIntoId",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_NameKey",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_NameKey_Trigram",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_RegencyCode_NameKey",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_VillageCode_NameKey",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "RegisteredOn",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Beneficiaries");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Services_BeneficiaryId",
                table: "Services",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_InstitutionId",
                table: "Beneficiaries",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_RegencyCode",
                table: "Beneficiaries",
                column: "RegencyCode");
        }
    }
}
