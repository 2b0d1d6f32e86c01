/** Test hook on the database's `articles` table at the DBCore level (count reads, inject a change mid-read). */
import type { DBCore, DBCoreTable } from "dexie";
import type { BriefingsDB } from "../../../lib/db/database";

export function hookArticlesTable(db: BriefingsDB, wrap: (table: DBCoreTable) => Partial<DBCoreTable>): void {
  db.use({
    stack: "dbcore",
    name: "articles-table-hook",
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return name === "articles" ? { ...table, ...wrap(table) } : table;
      },
    }),
  });
}
