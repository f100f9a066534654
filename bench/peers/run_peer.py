"""Runs one step of a bench peer (dbt-duckdb or SQLMesh) in this process and writes its timings as JSON.

usage: run_peer.py dbt|sqlmesh PROJECT_DIR backfill|hour START END RESULT_JSON
START and END are ISO instants (UTC, END exclusive). `ms` is the tool's own work after its modules are imported
(project parse, planning, SQL, state), comparable to the product's in-process time; `import_ms` is the import;
`cpu_ms` is this process's CPU time, DuckDB's threads included, from interpreter start.
"""

import json
import resource
import sys
import time


def cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


def run_dbt(project: str, start: str, end: str) -> float:
    from dbt.cli.main import dbtRunner

    started = time.perf_counter()
    variables = json.dumps({"period_start": start, "period_end": end})
    result = dbtRunner().invoke(
        ["--quiet", "run", "--project-dir", project, "--profiles-dir", project, "--vars", variables, "--threads", "1"]
    )
    if not result.success:
        raise SystemExit(f"dbt run failed: {result.exception or result.result}")
    return started


def run_sqlmesh(project: str, step: str, start: str, end: str) -> float:
    from sqlmesh import Context

    started = time.perf_counter()
    context = Context(paths=[project])
    if step == "backfill":
        # A production plan takes no start/end: it backfills every model from its `start` up to the execution time.
        context.plan("prod", execution_time=end, auto_apply=True, no_prompts=True)
    else:
        # The scheduler's hourly run: every interval that is missing up to `end` (here, the new hour).
        if not context.run("prod", end=end, execution_time=end):
            raise SystemExit("sqlmesh run failed")
    return started


def main(argv: list[str]) -> None:
    tool, project, step, start, end, out = argv
    imported = time.perf_counter()
    if tool == "dbt":
        import dbt.cli.main  # noqa: F401
    else:
        import sqlmesh  # noqa: F401
    import_ms = (time.perf_counter() - imported) * 1000
    started = run_dbt(project, start, end) if tool == "dbt" else run_sqlmesh(project, step, start, end)
    ms = (time.perf_counter() - started) * 1000
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"ms": ms, "import_ms": import_ms, "cpu_ms": cpu_ms()}, f)


if __name__ == "__main__":
    main(sys.argv[1:])
