// MAP equality. Trino compares maps as sets of entries (https://trino.io/docs/current/functions/map.html: maps are
// unordered); DuckDB compares their entry lists in insertion order. A comparison whose operand is visibly a map
// (src/dialect/translate/operators.ts) compares both sides with their entries sorted.
export const MAP_MACROS: readonly string[] = [`trino_map_sorted(m) AS map_from_entries(list_sort(map_entries(m)))`];
