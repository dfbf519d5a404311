/** The HTML report's only stylesheet, inline (the CSP allows inline styles and nothing else). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg:#1d2330; --muted:#5d6678; --line:#e3e6ec; --bg:#f6f7f9; --card:#fff;
  --ok:#137a3a; --ok-bg:#e3f4e8; --bad:#b4232c; --bad-bg:#fde8e9; --warn:#8a5a00; --warn-bg:#fff3d6; --accent:#3454d1; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
main { max-width:1180px; margin:0 auto; padding:24px 28px 64px; }
header.top { display:flex; gap:20px; align-items:flex-start; justify-content:space-between; margin-bottom:18px; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:18px; margin:0; } h3 { font-size:14px; margin:18px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
.url { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:13px; word-break:break-all; }
.meta { color:var(--muted); font-size:12px; }
.verdict { font-weight:700; font-size:15px; padding:10px 16px; border-radius:8px; white-space:nowrap; }
.verdict.pass { color:var(--ok); background:var(--ok-bg); } .verdict.leaks { color:var(--bad); background:var(--bad-bg); } .verdict.incomplete, .verdict.not-judged { color:var(--warn); background:var(--warn-bg); }
.warnings { color:var(--warn); font-weight:600; }
section.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px 18px; margin:16px 0; }
.card-head { display:flex; gap:12px; align-items:center; flex-wrap:wrap; }
table { width:100%; border-collapse:collapse; font-size:13px; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:12px; background:#fafbfc; }
td.num { text-align:right; font-variant-numeric:tabular-nums; }
td.mono, .mono { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; word-break:break-all; }
.badge { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; }
.badge.ok { color:var(--ok); background:var(--ok-bg); } .badge.bad { color:var(--bad); background:var(--bad-bg); }
.badge.warn { color:var(--warn); background:var(--warn-bg); } .badge.info { color:var(--accent); background:#e8edfc; }
.chip { display:inline-block; margin:1px 3px 1px 0; padding:0 6px; border-radius:4px; font-size:12px; font-family:ui-monospace,Menlo,Consolas,monospace; }
.chip.on { color:var(--ok); background:var(--ok-bg); } .chip.off { color:var(--bad); background:var(--bad-bg); }
tr.leak td { background:#fff7f7; }
ul.notes { margin:6px 0; padding-left:18px; color:var(--muted); } ul.errors { margin:6px 0; padding-left:18px; color:var(--bad); }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
.empty { color:var(--muted); font-style:italic; }
.nowrap { white-space:nowrap; }
`
