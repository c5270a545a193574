using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wahana.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Name search on SQLite: an FTS5 trigram index over Beneficiaries.NameKey (external content, kept in step by
    /// triggers), so a partial name is found without reading the whole name index. SQLite only; the model and its
    /// snapshot do not change. See docs/decisions/0006-name-search.md: a later migration that rebuilds the
    /// Beneficiaries table drops these triggers and must create them again (<see cref="CreateTriggers"/>).
    /// </summary>
    public partial class BeneficiaryNameSearch : Migration
    {
        public const string CreateTriggers = """
            CREATE TRIGGER "Beneficiaries_NameSearch_Insert" AFTER INSERT ON "Beneficiaries" BEGIN
                INSERT INTO "BeneficiaryNameSearch" (rowid, "NameKey") VALUES (new.rowid, new."NameKey");
            END;
            CREATE TRIGGER "Beneficiaries_NameSearch_Delete" AFTER DELETE ON "Beneficiaries" BEGIN
                INSERT INTO "BeneficiaryNameSearch" ("BeneficiaryNameSearch", rowid, "NameKey") VALUES ('delete', old.rowid, old."NameKey");
            END;
            CREATE TRIGGER "Beneficiaries_NameSearch_Update" AFTER UPDATE OF "NameKey" ON "Beneficiaries" BEGIN
                INSERT INTO "BeneficiaryNameSearch" ("BeneficiaryNameSearch", rowid, "NameKey") VALUES ('delete', old.rowid, old."NameKey");
                INSERT INTO "BeneficiaryNameSearch" (rowid, "NameKey") VALUES (new.rowid, new."NameKey");
            END;
            """;

        /// <summary>Fills the index from the table (after creating it, and after anything that renumbered rowids).</summary>
        public const string Rebuild = """
            INSERT INTO "BeneficiaryNameSearch" ("BeneficiaryNameSearch") VALUES ('rebuild');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "BeneficiaryNameSearch" USING fts5(
                    "NameKey", content='Beneficiaries', content_rowid='rowid', tokenize='trigram');
                """);
            migrationBuilder.Sql(CreateTriggers);
            migrationBuilder.Sql(Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Beneficiaries_NameSearch_Update";
                DROP TRIGGER IF EXISTS "Beneficiaries_NameSearch_Delete";
                DROP TRIGGER IF EXISTS "Beneficiaries_NameSearch_Insert";
                DROP TABLE IF EXISTS "BeneficiaryNameSearch";
                """);
        }
    }
}
