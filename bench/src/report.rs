//! The results: medians over the runs, each workload's ratio to its baseline checked against the
//! goals, written as markdown and JSON with a description of the machine; and the comparison of
//! two results files at different scales ([`compare`]).

use std::fmt::Write as _;

use serde::Serialize;

use crate::{Engine, Row, Run};

/// A goal of the issue for one workload.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub id: &'static str,
    /// The least ratio to the baseline's saturation throughput.
    pub min_ratio: Option<f64>,
    /// The least absolute throughput, operations per second.
    pub min_ops: Option<f64>,
    /// The most p99 latency at half saturation, ms.
    pub max_p99_ms: Option<f64>,
    /// The most heap each further concurrent call may take, KiB (uploads, exports).
    pub max_heap_kib: Option<f64>,
}

/// The goals (2 cores, medians of 3 runs).
pub const GOALS: &[Goal] = &[
    Goal {
        id: "W1",
        min_ratio: Some(0.25),
        min_ops: Some(2000.0),
        max_p99_ms: Some(15.0),
        max_heap_kib: None,
    },
    Goal {
        id: "W2",
        min_ratio: Some(0.5),
        min_ops: None,
        max_p99_ms: Some(10.0),
        max_heap_kib: None,
    },
    // A sign-in has no baseline in the issue: an absolute floor only (its ratio to B0m is shown
    // for information).
    Goal { id: "W5", min_ratio: None, min_ops: Some(1500.0), max_p99_ms: None, max_heap_kib: None },
    Goal {
        id: "W3",
        min_ratio: Some(0.6),
        min_ops: None,
        max_p99_ms: None,
        max_heap_kib: Some(256.0),
    },
    // "Export memory flat": the export streams pages of 100 entries, so a further concurrent
    // export may hold a page and its CSV, never the whole export (the 10 000-entry history is
    // megabytes of CSV): the same bound as an upload.
    Goal { id: "W2x", min_ratio: None, min_ops: None, max_p99_ms: None, max_heap_kib: Some(256.0) },
    Goal { id: "W6", min_ratio: Some(0.8), min_ops: None, max_p99_ms: None, max_heap_kib: None },
    // Issue 14: the FHIR interface within 1.5 × the portal's equivalent (its baseline is W1, W6).
    Goal { id: "W1f", min_ratio: Some(0.667), min_ops: None, max_p99_ms: None, max_heap_kib: None },
    Goal { id: "W6f", min_ratio: Some(0.667), min_ops: None, max_p99_ms: None, max_heap_kib: None },
    Goal { id: "W8", min_ratio: Some(0.5), min_ops: None, max_p99_ms: None, max_heap_kib: None },
];

/// One line of the summary: the median over the runs.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub engine: Engine,
    pub id: String,
    pub what: String,
    pub baseline: Option<String>,
    pub ops_per_s: f64,
    pub ratio: Option<f64>,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub errors: u64,
    pub rss_mib: f64,
    /// The profile: statements and database time per call, entries per grouped audit commit.
    pub statements: f64,
    pub db_ms: f64,
    pub audit_group: f64,
    pub write_group: f64,
    /// Heap per further concurrent call, KiB (measured for uploads and exports).
    pub heap_kib_per_call: Option<f64>,
    /// `met`, `missed: …`, or empty when there is no goal.
    pub verdict: String,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => f64::midpoint(values[n / 2 - 1], values[n / 2]),
    }
}

/// The median line of each workload of one engine's runs.
#[must_use]
pub fn summarise(runs: &[Run]) -> Vec<Line> {
    let Some(first) = runs.first() else { return Vec::new() };
    let rows_of = |id: &str| -> Vec<&Row> {
        runs.iter().filter_map(|r| r.rows.iter().find(|row| row.id == id)).collect()
    };
    let ops = |id: &str| median(rows_of(id).iter().map(|r| r.ops()).collect());
    first
        .rows
        .iter()
        .map(|row| {
            let rows = rows_of(&row.id);
            let ops_per_s = ops(&row.id);
            // No ratio when the baseline did not run (`--only`).
            let ratio = row
                .baseline
                .as_deref()
                .filter(|b| !rows_of(b).is_empty())
                .map(|b| ops_per_s / ops(b).max(f64::MIN_POSITIVE));
            let p99_ms = median(rows.iter().map(|r| r.half.p99_ms).collect());
            let heaps: Vec<f64> = rows.iter().filter_map(|r| r.heap_kib_per_call).collect();
            let heap_kib_per_call = (!heaps.is_empty()).then(|| median(heaps));
            let mut missed = Vec::new();
            let goal = GOALS.iter().find(|g| g.id == row.id);
            if let Some(goal) = goal {
                if let (Some(min), Some(ratio)) = (goal.min_ratio, ratio)
                    && ratio < min
                {
                    missed.push(format!("ratio {ratio:.2} < {min}"));
                }
                if let Some(min) = goal.min_ops
                    && ops_per_s < min
                {
                    missed.push(format!("{ops_per_s:.0}/s < {min:.0}/s"));
                }
                if let Some(max) = goal.max_p99_ms
                    && p99_ms > max
                {
                    missed.push(format!("p99 {p99_ms:.1} ms > {max} ms"));
                }
                if let (Some(max), Some(heap)) = (goal.max_heap_kib, heap_kib_per_call)
                    && heap > max
                {
                    missed.push(format!("heap {heap:.0} KiB per concurrent call > {max} KiB"));
                }
            }
            Line {
                engine: first.engine,
                id: row.id.clone(),
                what: row.what.clone(),
                baseline: row.baseline.clone(),
                ops_per_s,
                ratio,
                p50_ms: median(rows.iter().map(|r| r.half.p50_ms).collect()),
                p99_ms,
                p999_ms: median(rows.iter().map(|r| r.half.p999_ms).collect()),
                errors: rows.iter().map(|r| r.saturation.errors + r.half.errors).sum(),
                rss_mib: median(rows.iter().map(|r| r.rss_kib as f64 / 1024.0).collect()),
                statements: median(rows.iter().map(|r| r.statements_per_call).collect()),
                db_ms: median(rows.iter().map(|r| r.db_ms_per_call).collect()),
                audit_group: median(rows.iter().map(|r| r.audit_group_size).collect()),
                write_group: median(rows.iter().map(|r| r.write_group_size).collect()),
                heap_kib_per_call,
                verdict: match (goal, missed.is_empty()) {
                    (None, _) => String::new(),
                    (Some(_), true) => "met".into(),
                    (Some(_), false) => format!("missed: {}", missed.join(", ")),
                },
            }
        })
        .collect()
}

/// The machine, as far as the benchmark can tell.
#[must_use]
pub fn machine() -> serde_json::Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: u64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    serde_json::json!({
        "cpu": model,
        "cores": std::thread::available_parallelism().map(std::num::NonZero::get).unwrap_or(0),
        "memory_gib": (memory_kib as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0,
        "kernel": std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim(),
    })
}

/// The markdown report; `label` (say `scale-S`) names what the run measured.
#[must_use]
pub fn markdown(
    lines: &[Line],
    runs: &[Run],
    command: &str,
    when: &str,
    label: Option<&str>,
) -> String {
    let m = machine();
    let mut out = String::new();
    match label {
        Some(label) => {
            let _ = writeln!(out, "# DSP benchmark, {label}, {when}\n");
        }
        None => {
            let _ = writeln!(out, "# DSP benchmark, {when}\n");
        }
    }
    let _ = writeln!(
        out,
        "Machine: {} ({} cores, {} GiB), Linux {}. Command: `{command}`. \
         Medians of {} run(s) per engine; throughput from a closed loop (saturation), latency \
         from an open loop at half of it (no coordinated omission). The load generator shares \
         the machine with the server.\n",
        m["cpu"].as_str().unwrap_or("?"),
        m["cores"],
        m["memory_gib"],
        m["kernel"].as_str().unwrap_or("?"),
        runs.iter().filter(|r| r.engine == runs[0].engine).count(),
    );
    let _ = writeln!(
        out,
        "| engine | id | what | ops/s | vs baseline | p50 ms | p99 ms | p99.9 ms | errors | server RSS MiB | SQL/call | DB ms/call | audit group | write group | goal |"
    );
    let _ =
        writeln!(out, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for l in lines {
        let ratio = match (&l.baseline, l.ratio) {
            (Some(b), Some(r)) => format!("{r:.2} × {b}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {:?} | {} | {} | {:.0} | {} | {:.2} | {:.2} | {:.2} | {} | {:.0} | {:.1} | {:.2} | {:.1} | {:.1} | {} |",
            l.engine,
            l.id,
            l.what,
            l.ops_per_s,
            ratio,
            l.p50_ms,
            l.p99_ms,
            l.p999_ms,
            l.errors,
            l.rss_mib,
            l.statements,
            l.db_ms,
            l.audit_group,
            l.write_group,
            l.verdict
        );
    }
    let heaps: Vec<&Line> = lines.iter().filter(|l| l.heap_kib_per_call.is_some()).collect();
    if !heaps.is_empty() {
        let _ = writeln!(
            out,
            "\n## Memory per concurrent call\n\nThe server's heap (bytes its allocator handed out, counted in benchmark mode), peak with {} calls at once minus the peak with one, per further call:\n",
            crate::HEAP_PROBE_CONCURRENCY
        );
        for l in heaps {
            let _ = writeln!(
                out,
                "- {:?} {}: {:.0} KiB",
                l.engine,
                l.id,
                l.heap_kib_per_call.unwrap_or_default()
            );
        }
    }
    let _ = writeln!(out, "\n## Where the time goes (first run of each engine)\n");
    let mut seen = Vec::new();
    for run in runs {
        if seen.contains(&run.engine) {
            continue;
        }
        seen.push(run.engine);
        for row in run.rows.iter().filter(|r| r.id.starts_with('W')) {
            let _ = writeln!(
                out,
                "- {:?} {}: {:.1} statements, {:.2} ms in the database per call; top:",
                run.engine, row.id, row.statements_per_call, row.db_ms_per_call
            );
            for (sql, n, ms) in &row.top_statements {
                let _ = writeln!(out, "  - {ms:.2} ms ({n:.1}×) `{}`", sql.replace('`', "'"));
            }
        }
    }
    for run in runs {
        if let Some(o) = &run.overload {
            let _ = writeln!(
                out,
                "\nW1 offered at twice saturation ({:?}): {:.0} served/s (p99 {:.1} ms); {} of {} refused (503) or unanswered, refusals p50 {:.1} ms, p99 {:.1} ms.",
                run.engine,
                o.throughput,
                o.ok_p99_ms,
                o.errors,
                o.calls,
                o.failed_p50_ms,
                o.failed_p99_ms
            );
        }
    }
    out
}

/// The most W1's and W2's p99 at scale N may be, as a multiple of their p99 at scale S.
pub const SCALE_MAX_P99_GROWTH: f64 = 1.5;

/// Compares two results files (`bench/results/*.json`, say `scale-S` then `scale-N`): for each
/// engine in both, W1's and W2's throughput and p99 in each, and whether the second's p99 stays
/// within [`SCALE_MAX_P99_GROWTH`] × the first's. A markdown table.
///
/// # Errors
/// When a file is not a results file.
pub fn compare(
    (a_name, a): (&str, &serde_json::Value),
    (b_name, b): (&str, &serde_json::Value),
) -> anyhow::Result<String> {
    let summary = |v: &serde_json::Value, name: &str| -> anyhow::Result<Vec<serde_json::Value>> {
        v["summary"]
            .as_array()
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("{name}: no summary (not a dsp-bench results file)"))
    };
    let (a_lines, b_lines) = (summary(a, a_name)?, summary(b, b_name)?);
    let label = |v: &serde_json::Value, name: &str| {
        v["label"].as_str().map_or_else(|| name.to_owned(), str::to_owned)
    };
    let (a_label, b_label) = (label(a, a_name), label(b, b_name));
    let mut out = String::new();
    let _ = writeln!(out, "# DSP benchmark: {a_label} → {b_label}\n");
    let _ = writeln!(
        out,
        "A: `{a_name}` ({}), B: `{b_name}` ({}). Goal: B's p99 ≤ {SCALE_MAX_P99_GROWTH} × A's.\n",
        a["when"].as_str().unwrap_or("?"),
        b["when"].as_str().unwrap_or("?"),
    );
    let _ =
        writeln!(out, "| engine | id | A ops/s | B ops/s | A p99 ms | B p99 ms | B/A p99 | goal |");
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---|");
    let mut rows = 0;
    for a_line in &a_lines {
        let (engine, id) = (&a_line["engine"], a_line["id"].as_str().unwrap_or_default());
        if !["W1", "W2"].contains(&id) {
            continue;
        }
        let Some(b_line) = b_lines.iter().find(|l| &l["engine"] == engine && l["id"] == id) else {
            continue;
        };
        let f = |l: &serde_json::Value, k: &str| l[k].as_f64().unwrap_or(0.0);
        let growth = f(b_line, "p99_ms") / f(a_line, "p99_ms").max(f64::MIN_POSITIVE);
        let verdict = if growth <= SCALE_MAX_P99_GROWTH {
            "met".to_owned()
        } else {
            format!("missed: {growth:.2} > {SCALE_MAX_P99_GROWTH}")
        };
        let _ = writeln!(
            out,
            "| {} | {id} | {:.0} | {:.0} | {:.2} | {:.2} | {growth:.2} | {verdict} |",
            engine.as_str().unwrap_or("?"),
            f(a_line, "ops_per_s"),
            f(b_line, "ops_per_s"),
            f(a_line, "p99_ms"),
            f(b_line, "p99_ms"),
        );
        rows += 1;
    }
    if rows == 0 {
        anyhow::bail!("{a_name} and {b_name} have no W1 or W2 of the same engine in common");
    }
    Ok(out)
}
