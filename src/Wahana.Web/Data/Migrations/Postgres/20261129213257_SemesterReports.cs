using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wahana.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SemesterReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Achievements",
                table: "SemesterReports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovedAt",
                table: "SemesterReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "SemesterReports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "SemesterReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Obstacles",
                table: "SemesterReports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Plans",
                table: "SemesterReports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "SemesterReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "SemesterReports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedFigures",
                table: "SemesterReports",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SemesterReportSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SemesterReportSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SemesterReportSteps_SemesterReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SemesterReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SemesterReportSteps_ReportId",
                table: "SemesterReportSteps",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SemesterReportSteps");

            migrationBuilder.DropColumn(
                name: "Achievements",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAt",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "Obstacles",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "Plans",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "SemesterReports");

            migrationBuilder.DropColumn(
                name: "SubmittedFigures",
                table: "SemesterReports");
        }
    }
}
