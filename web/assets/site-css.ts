// One plain stylesheet for every page. Readable at 320 px and at 200 % zoom: one column, relative units,
// nothing wider than the screen. Colours meet WCAG AA contrast; state is always said in words as well.
export const siteCss = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --accent: #005a9c; --accent-dark: #003f6e; --error: #b00020; --ok: #1d6b31;
  --warn-bg: #fff4d6; --bg: #fff; --panel: #f3f6f9; --line: #c9d1da; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: break-word; }
.wrap { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
main.wrap { padding-top: .5rem; padding-bottom: 3rem; }
main:focus { outline: none; }
a { color: var(--accent); text-decoration-thickness: .08em; text-underline-offset: .15em; }
a:hover { color: var(--accent-dark); text-decoration-thickness: .15em; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .5rem; z-index: 10; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-header { background: var(--accent-dark); color: #fff; }
.site-header .wrap { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; align-items: center; justify-content: space-between; padding-top: .6rem; padding-bottom: .6rem; }
.site-name { margin: 0; font-weight: 700; }
.site-header a, .site-header .link-button { color: #fff; }
.header-links { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 1rem 0 .75rem; }
h1:focus, h2:focus, h3:focus { outline: none; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
.emergency { border-left: .4rem solid var(--error); background: #fdecee; padding: .25rem 1rem .5rem; margin: 1rem 0 1.5rem; }
.emergency h2 { margin-top: .5rem; font-size: 1.35rem; }
.phones { padding-left: 1.25rem; margin: .25rem 0; }
.phones a { font-weight: 700; white-space: nowrap; }
.section { border-top: 2px solid var(--line); margin-top: 2rem; }
.field { margin: 1.25rem 0; border: 0; padding: 0; min-width: 0; }
.field > label, .field > legend { display: block; font-weight: 600; padding: 0; }
.school-filter > label { display: block; }
.field > legend { margin-bottom: .1rem; }
.req { color: var(--error); }
.choices { display: grid; gap: .15rem 1.5rem; margin-top: .25rem; }
.columns .choices { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.choice { display: flex; gap: .5rem; align-items: flex-start; padding: .2rem 0; }
.choice input { width: 1.35rem; height: 1.35rem; margin: .1rem 0 0; flex: none; accent-color: var(--accent); }
.choice label { font-weight: 400; }
.help { color: var(--muted); margin: .1rem 0 .35rem; font-size: .95rem; }
.error { color: var(--error); font-weight: 600; margin: .2rem 0 .35rem; }
.has-error { border-left: .25rem solid var(--error); padding-left: .75rem; }
.has-error input:not([type=radio]):not([type=checkbox]), .has-error textarea, .has-error select { border-color: var(--error); border-width: 2px; }
input[type=text], input[type=email], input[type=tel], input[type=date], input[type=search], textarea, select {
  display: block; width: 100%; max-width: 100%; font: inherit; color: inherit; background: #fff; padding: .5rem; border: 1px solid #6b6b6b; border-radius: .2rem; }
input[type=date] { max-width: 12rem; }
textarea { resize: vertical; min-height: 6rem; }
.school-filter { margin-bottom: .75rem; }
input:focus, textarea:focus, select:focus, button:focus, a:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
a:focus { background: var(--focus); color: var(--ink); outline-color: var(--ink); }
button, .button { display: inline-block; font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 2px solid var(--accent); border-radius: .25rem; padding: .6rem 1.2rem; cursor: pointer; text-decoration: none; line-height: 1.3; }
button:hover, .button:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
button[disabled] { opacity: .7; cursor: progress; }
button.secondary { background: #fff; color: var(--accent); }
button.secondary:hover { background: var(--panel); color: var(--accent-dark); }
button.danger { background: #fff; color: var(--error); border-color: var(--error); }
.link-button { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 400; }
.link-button:hover { background: none; color: inherit; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.5rem 0; align-items: center; }
.error-summary { border: 3px solid var(--error); padding: .25rem 1rem; margin: 1rem 0 1.5rem; }
.error-summary:focus { outline: 3px solid var(--focus); }
.error-summary h2 { font-size: 1.2rem; margin-top: .5rem; }
.error-summary a { color: var(--error); font-weight: 600; }
.form-status:empty { display: none; }
.form-status { font-weight: 600; margin: 1rem 0; }
.form-problem, .notice { border-left: .4rem solid #b36b00; background: var(--warn-bg); padding: .5rem 1rem; margin: 1rem 0; }
.form-problem p, .notice p { margin: .25rem 0 .5rem; }
.urgent-note { border: 3px solid var(--error); padding: .25rem 1rem; margin: 0 0 1.25rem; }
.urgent-note h3 { color: var(--error); margin-top: .5rem; }
.panel { background: var(--panel); padding: .5rem 1rem; margin: 1rem 0; border-radius: .25rem; }
.panel-success { border-left: .4rem solid var(--ok); }
.reference strong { display: inline-block; font-size: 1.4rem; letter-spacing: .04em; }
.facts { margin: .5rem 0 1rem; }
.facts > div { padding: .4rem 0; border-bottom: 1px solid var(--line); }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
@media (min-width: 40rem) { .facts > div { display: grid; grid-template-columns: 14rem 1fr; gap: 1rem; } }
.acute { margin-top: 1.5rem; }
.steps { list-style: none; padding: 0; margin: 1rem 0; counter-reset: step; }
.steps li { position: relative; padding: .5rem 0 .5rem 2.5rem; border-left: 3px solid var(--line); margin-left: .9rem; }
.steps li::before { position: absolute; left: -1rem; top: .45rem; width: 1.75rem; height: 1.75rem; border-radius: 50%; background: #fff; border: 3px solid var(--line); content: ""; }
.steps li.done::before { background: var(--ok); border-color: var(--ok); }
.steps li.current::before { border-color: var(--accent); }
.steps .state { display: block; font-size: .95rem; color: var(--muted); }
.badge { display: inline-block; font-size: .85rem; font-weight: 700; padding: .05rem .45rem; border-radius: .2rem; border: 2px solid currentColor; white-space: nowrap; }
.badge-overdue { color: #fff; background: var(--error); border-color: var(--error); }
.badge-urgent { color: var(--error); }
.badge-closed { color: var(--ok); }
.badge-fallback { color: #7a4a00; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.filters a { display: inline-block; padding: .35rem .9rem; border: 2px solid var(--accent); border-radius: 1.5rem; text-decoration: none; font-weight: 600; }
.filters a[aria-current=page] { background: var(--accent); color: #fff; }
.cases { list-style: none; padding: 0; margin: 0; }
.case { border: 1px solid var(--line); border-left: .4rem solid var(--line); border-radius: .25rem; padding: .5rem 1rem; margin: 0 0 .75rem; }
.case.overdue { border-left-color: var(--error); }
.case h3 { margin: .25rem 0; font-size: 1.15rem; }
.case .meta { margin: .25rem 0; color: var(--muted); }
.case .due { margin: .25rem 0; font-weight: 600; }
.overdue-text { color: var(--error); font-weight: 700; }
.badges { display: flex; flex-wrap: wrap; gap: .35rem; margin: .25rem 0; }
.confirm { border: 3px solid var(--accent); padding: .25rem 1rem .5rem; margin: 1rem 0; border-radius: .25rem; }
.confirm h3 { margin-top: .5rem; }
.success { border-left: .4rem solid var(--ok); background: #e8f4ea; padding: .5rem 1rem; margin: 1rem 0; }
.audit { padding-left: 1.25rem; }
.audit li { margin: .25rem 0; }
.signin-list { list-style: none; padding: 0; }
.signin-list li { margin: .35rem 0; }
.pre { white-space: pre-wrap; }
details { margin: 1rem 0; }
summary { cursor: pointer; font-weight: 600; }
[hidden] { display: none !important; }
.consultation-text { white-space: pre-wrap; overflow-wrap: anywhere; }
@media (max-width: 30rem) { h1 { font-size: 1.5rem; } .reference strong { font-size: 1.2rem; letter-spacing: 0; } .link-button { width: auto; } .wrap { padding: 0 .75rem; } button, .button { width: 100%; text-align: center; } .actions { flex-direction: column; align-items: stretch; } }
/* The board's figures (/stats): a chart and its table per figure; each figure whole on a printed page. */
.figures-period { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
.figure { margin: 2rem 0; break-inside: avoid; }
.figure-body { display: grid; gap: 1rem; }
.chart { width: 100%; height: auto; max-width: 40rem; }
.table-scroll { overflow-x: auto; }
@media print { .site-header, .skip, .actions, button { display: none; } .figures-period, #stats-status { display: none; } }
`;
