//! `report.html`: the fleet on one self-contained page (inline CSS and SVG, no script, no
//! font or image from anywhere), rendered from a [`Summary`] alone so that `merge` draws the
//! same page as a single batch. It shows the fleet table (repository × family × level, new,
//! fixed, files, a sparkline of its trend), the top rules, what is new and fixed since the
//! last run, and the fleet's trend.
//!
//! Each fleet-table row starts with a status cell of a solid colour (`#2e7d32` ok, `#c62828`
//! failed): people see the state at a glance, and the screenshot test counts rows by it.

use crate::summary::{Change, LevelCounts, RepoSummary, Status, Summary, TrendPoint};
use shipshape_core::Level;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Colour of an `ok` row's status cell.
pub const OK_COLOUR: &str = "#2e7d32";
/// Colour of a `failed` row's status cell.
pub const FAILED_COLOUR: &str = "#c62828";

/// Most rules the top-rules chart shows.
const TOP_RULES: usize = 10;

/// The family columns, in the order the design notes list them.
const FAMILIES: [&str; 4] = [
    "injection",
    "unvalidated-input",
    "unbounded-loop",
    "missing-index",
];

/// The page for `summary`.
pub fn render(summary: &Summary) -> String {
    let mut page = String::with_capacity(64 * 1024);
    let title = format!("shipshape fleet report — {}", summary.run);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(page, "<h1>{}</h1>", escape(&title));
    cards(&mut page, summary);
    fleet_table(&mut page, summary);
    page.push_str("<div class=\"row\">\n");
    top_rules(&mut page, summary);
    trend_chart(&mut page, &summary.trend);
    page.push_str("</div>\n");
    changes(&mut page, summary);
    let _ = write!(
        page,
        "<footer>shipshape {} · run {}{} · {} repositories</footer>\n</body>\n</html>\n",
        escape(&summary.tool_version),
        escape(&summary.run),
        if summary.shards.is_empty() {
            String::new()
        } else {
            format!(" · shards {}", escape(&summary.shards.join(", ")))
        },
        summary.totals.repositories
    );
    page
}

const CSS: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 16px}h2{font-size:17px;margin:28px 0 10px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card span{color:#57606a;font-size:12px}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:right;white-space:nowrap}
th{background:#f6f8fa}td.name,th.name{text-align:left}
td.status{width:10px;min-width:10px;padding:0}
tr.ok td.status{background:#2e7d32}tr.failed td.status{background:#c62828}
td.error{text-align:left;color:#c62828;white-space:normal;max-width:480px}
td.zero{color:#8c959f}.e{color:#b42318}.w{color:#9a6700}.n{color:#0969da}
.new{color:#b42318;font-weight:600}.fixed{color:#1a7f37;font-weight:600}
.row{display:flex;gap:40px;flex-wrap:wrap}
ul.changes{font-size:13px;padding-left:18px}ul.changes li{margin:2px 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
footer{margin-top:32px;color:#57606a;font-size:12px}
";

fn cards(page: &mut String, summary: &Summary) {
    let t = &summary.totals;
    page.push_str("<div class=\"cards\">\n");
    let items = [
        (format!("{} / {}", t.ok, t.repositories), "repositories ok"),
        (t.failed.to_string(), "failed"),
        (t.findings.to_string(), "findings"),
        (format!("+{}", t.new), "new since last run"),
        (format!("−{}", t.fixed), "fixed since last run"),
        (t.files_analyzed.to_string(), "files analysed"),
        (t.files_cached.to_string(), "files from cache"),
    ];
    for (value, label) in items {
        let _ = writeln!(
            page,
            "<div class=\"card\"><b>{}</b><span>{label}</span></div>",
            escape(&value)
        );
    }
    page.push_str("</div>\n");
}

fn family_levels(repo: &RepoSummary) -> BTreeMap<&str, LevelCounts> {
    let mut by_family: BTreeMap<&str, LevelCounts> = BTreeMap::new();
    for rule in &repo.rules {
        let entry = by_family.entry(rule.family.as_str()).or_default();
        entry.error += rule.levels.error;
        entry.warning += rule.levels.warning;
        entry.note += rule.levels.note;
    }
    by_family
}

fn count_cell(page: &mut String, value: u64, class: &str) {
    if value == 0 {
        page.push_str("<td class=\"zero\">0</td>");
    } else {
        let _ = write!(page, "<td class=\"{class}\">{value}</td>");
    }
}

fn fleet_table(page: &mut String, summary: &Summary) {
    page.push_str("<h2>Fleet</h2>\n<table class=\"fleet\">\n<thead><tr><th rowspan=\"2\"></th><th class=\"name\" rowspan=\"2\">repository</th><th rowspan=\"2\">findings</th>");
    for family in FAMILIES {
        let _ = write!(page, "<th colspan=\"3\">{family}</th>");
    }
    page.push_str("<th rowspan=\"2\">new</th><th rowspan=\"2\">fixed</th><th rowspan=\"2\">files analysed</th><th rowspan=\"2\">from cache</th><th rowspan=\"2\">trend</th></tr>\n<tr>");
    for _ in FAMILIES {
        page.push_str("<th class=\"e\">E</th><th class=\"w\">W</th><th class=\"n\">N</th>");
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    let columns = 3 * FAMILIES.len() + 5;
    for repo in &summary.repositories {
        let (class, label) = match repo.status {
            Status::Ok => ("ok", "ok"),
            Status::Failed => ("failed", "failed"),
        };
        let _ = write!(
            page,
            "<tr class=\"{class}\"><td class=\"status\" title=\"{label}\"></td><td class=\"name\">{}</td>",
            escape(&repo.name)
        );
        if repo.status == Status::Failed {
            let _ = writeln!(
                page,
                "<td class=\"error\" colspan=\"{}\">failed: {}</td></tr>",
                columns + 1,
                escape(repo.error.as_deref().unwrap_or("unknown error"))
            );
            continue;
        }
        let _ = write!(page, "<td>{}</td>", repo.findings);
        let families = family_levels(repo);
        for family in FAMILIES {
            let counts = families.get(family).copied().unwrap_or_default();
            count_cell(page, counts.error, "e");
            count_cell(page, counts.warning, "w");
            count_cell(page, counts.note, "n");
        }
        count_cell(page, repo.new, "new");
        count_cell(page, repo.fixed, "fixed");
        let _ = writeln!(
            page,
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            repo.files_analyzed,
            repo.files_cached,
            sparkline(&repo.trend)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn sparkline(trend: &[TrendPoint]) -> String {
    if trend.len() < 2 {
        return String::new();
    }
    let (width, height) = (80.0, 18.0);
    let points = polyline(trend, width, height, 2.0);
    format!(
        "<svg width=\"80\" height=\"18\" viewBox=\"0 0 80 18\" role=\"img\" aria-label=\"trend\"><polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"{points}\"/></svg>"
    )
}

/// `x,y` points of a trend scaled into a box, with `pad` pixels kept free around it.
fn polyline(trend: &[TrendPoint], width: f64, height: f64, pad: f64) -> String {
    let max = trend.iter().map(|p| p.findings).max().unwrap_or(0).max(1) as f64;
    let step = if trend.len() > 1 {
        (width - 2.0 * pad) / (trend.len() - 1) as f64
    } else {
        0.0
    };
    trend
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = pad + step * i as f64;
            let y = height - pad - (p.findings as f64 / max) * (height - 2.0 * pad);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn top_rules(page: &mut String, summary: &Summary) {
    let mut by_rule: BTreeMap<&str, LevelCounts> = BTreeMap::new();
    for rule in summary.repositories.iter().flat_map(|r| &r.rules) {
        let entry = by_rule.entry(rule.rule.as_str()).or_default();
        entry.error += rule.levels.error;
        entry.warning += rule.levels.warning;
        entry.note += rule.levels.note;
    }
    let mut rules: Vec<(&str, LevelCounts)> = by_rule.into_iter().collect();
    rules.sort_by(|a, b| b.1.total().cmp(&a.1.total()).then(a.0.cmp(b.0)));
    rules.truncate(TOP_RULES);
    page.push_str("<section><h2>Top rules</h2>\n");
    if rules.is_empty() {
        page.push_str("<p>No findings.</p></section>\n");
        return;
    }
    let max = rules[0].1.total().max(1) as f64;
    let (label_width, bar_width, row) = (190.0, 260.0, 22.0);
    let height = row * rules.len() as f64 + 4.0;
    let _ = writeln!(
        page,
        "<svg width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"top rules\" font-size=\"12\">",
        label_width + bar_width + 60.0
    );
    for (i, (rule, levels)) in rules.iter().enumerate() {
        let y = 2.0 + row * i as f64;
        let _ = write!(
            page,
            "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">{}</text>",
            label_width - 8.0,
            y + 15.0,
            escape(rule)
        );
        let mut x = label_width;
        for (level, colour) in [
            (Level::Error, "#cf222e"),
            (Level::Warning, "#bf8700"),
            (Level::Note, "#0969da"),
        ] {
            let width = levels.get(level) as f64 / max * bar_width;
            if width > 0.0 {
                let _ = write!(
                    page,
                    "<rect x=\"{x:.1}\" y=\"{:.0}\" width=\"{width:.1}\" height=\"16\" fill=\"{colour}\"><title>{} {level}</title></rect>",
                    y + 2.0,
                    levels.get(level)
                );
            }
            x += width;
        }
        let _ = writeln!(
            page,
            "<text x=\"{:.1}\" y=\"{:.0}\">{}</text>",
            x + 6.0,
            y + 15.0,
            levels.total()
        );
    }
    page.push_str("</svg></section>\n");
}

fn trend_chart(page: &mut String, trend: &[TrendPoint]) {
    page.push_str("<section><h2>Trend</h2>\n");
    if trend.len() < 2 {
        let _ = writeln!(
            page,
            "<p>{} — the trend starts with the next run.</p></section>",
            trend.first().map_or_else(
                || "No run yet".to_string(),
                |p| format!("{} findings in this run", p.findings)
            )
        );
        return;
    }
    let (width, height, pad) = (420.0, 160.0, 24.0);
    let max = trend.iter().map(|p| p.findings).max().unwrap_or(0);
    let points = polyline(trend, width, height, pad);
    let _ = writeln!(
        page,
        "<svg width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"fleet trend\" font-size=\"11\">\
         <line x1=\"{pad}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d0d7de\"/>\
         <text x=\"2\" y=\"{}\">{max}</text><text x=\"2\" y=\"{}\">0</text>\
         <polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"{points}\"/>",
        height - pad,
        width - pad,
        height - pad,
        pad + 4.0,
        height - pad,
    );
    for point in points.split(' ') {
        if let Some((x, y)) = point.split_once(',') {
            page.push_str(&format!(
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"#0969da\"/>"
            ));
        }
    }
    if let (Some(first), Some(last)) = (trend.first(), trend.last()) {
        let _ = write!(
            page,
            "<text x=\"{pad}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            height - 6.0,
            escape(&first.run),
            width - pad,
            height - 6.0,
            escape(&last.run)
        );
    }
    page.push_str("</svg></section>\n");
}

fn changes(page: &mut String, summary: &Summary) {
    let t = &summary.totals;
    let _ = writeln!(
        page,
        "<h2>New and fixed since the last run</h2>\n<p><span class=\"new\">{} new</span> · <span class=\"fixed\">{} fixed</span></p>",
        t.new, t.fixed
    );
    for repo in &summary.repositories {
        if repo.new_findings.is_empty() && repo.fixed_findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            page,
            "<h3>{}{}</h3>\n<ul class=\"changes\">",
            escape(&repo.name),
            if repo.compared {
                ""
            } else {
                " (first run: everything is new)"
            }
        );
        let list = |page: &mut String, items: &[Change], total: u64, class: &str, sign: &str| {
            for item in items {
                let _ = writeln!(
                    page,
                    "<li><span class=\"{class}\">{sign}</span> <code>{}</code> {} <code>{}:{}</code> — {}</li>",
                    escape(&item.rule),
                    item.level,
                    escape(&item.path),
                    item.line,
                    escape(&item.message)
                );
            }
            let more = total.saturating_sub(items.len() as u64);
            if more > 0 {
                let _ = writeln!(page, "<li>… and {more} more (see the SARIF file)</li>");
            }
        };
        list(page, &repo.new_findings, repo.new, "new", "new");
        list(page, &repo.fixed_findings, repo.fixed, "fixed", "fixed");
        page.push_str("</ul>\n");
    }
}

/// Text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::RuleCount;

    #[test]
    fn the_page_is_self_contained_and_escapes_text() {
        let mut ok = RepoSummary::failed("api<1>", "api", String::new());
        ok.status = Status::Ok;
        ok.error = None;
        ok.findings = 2;
        ok.rules = vec![RuleCount {
            rule: "sql-injection".into(),
            family: "injection".into(),
            levels: LevelCounts {
                error: 2,
                warning: 0,
                note: 0,
            },
        }];
        let failed = RepoSummary::failed("web", "web", "path 'x' does not exist".into());
        let page = render(&Summary::new("night", Vec::new(), vec![ok, failed]));
        assert!(page.contains("api&lt;1&gt;"));
        assert!(page.contains("<tr class=\"failed\">"));
        assert!(page.contains("failed: path &#39;x&#39; does not exist"));
        assert!(page.contains("sql-injection</text>"));
        for outside in ["http://", "https://", "<script", "<link", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
    }
}
