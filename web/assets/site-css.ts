export const siteCss = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --accent: #005a9c; --error: #b00020; --bg: #fff; --panel: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
h1 { font-size: 1.75rem; line-height: 1.2; }
.emergency { border-left: .35rem solid var(--error); background: #fdecee; padding: .5rem 1rem; margin: 1rem 0; }
.section { border-top: 1px solid #ccd; padding-top: .5rem; margin-top: 1.5rem; }
.field { margin: 1rem 0; border: 0; padding: 0; }
.field label, .field legend { display: block; font-weight: 600; }
.choice { display: block; font-weight: 400 !important; margin: .25rem 0; }
.help { color: var(--muted); margin: .1rem 0 .3rem; font-size: .95rem; }
.error { color: var(--error); font-weight: 600; margin: .2rem 0; }
.has-error input, .has-error textarea, .has-error select { border-color: var(--error); border-width: 2px; }
input[type=text], input[type=email], input[type=tel], input[type=date], textarea, select { width: 100%; max-width: 100%; font: inherit; padding: .45rem; border: 1px solid #767676; border-radius: .2rem; }
input:focus, textarea:focus, select:focus, button:focus, a:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: .25rem; padding: .6rem 1.2rem; cursor: pointer; }
.error-summary { border: 3px solid var(--error); padding: .5rem 1rem; margin: 1rem 0; }
.reference strong { font-size: 1.4rem; letter-spacing: .05em; }
[hidden] { display: none !important; }
`;
