using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Fpas.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "item",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english', name || ' ' || coalesce(description, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "item_created_timestamp_id_ix",
                table: "item",
                columns: new[] { "created_timestamp", "id" });

            migrationBuilder.CreateIndex(
                name: "item_name_id_ix",
                table: "item",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "item_name_trgm_ix",
                table: "item",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "item_search_ix",
                table: "item",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "item_created_timestamp_id_ix",
                table: "item");

            migrationBuilder.DropIndex(
                name: "item_name_id_ix",
                table: "item");

            migrationBuilder.DropIndex(
                name: "item_name_trgm_ix",
                table: "item");

            migrationBuilder.DropIndex(
                name: "item_search_ix",
                table: "item");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "item");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
