using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wahana.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "SemesterReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "SemesterReports",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstSubmittedAt",
                table: "SemesterReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Obstacles",
                table: "SemesterReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Plans",
                table: "SemesterReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "SemesterReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "SemesterReports",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedFigures",
                table: "SemesterReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SemesterReportSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
