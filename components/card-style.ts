/**
 * The card's stylesheet, adopted into its shadow root. Everything is set explicitly because
 * the host is reset with `all: initial` and nothing from the page reaches inside.
 */
export const CARD_CSS = `
:host { all: initial !important; }
.bb-card {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(480px, calc(100vh - 16px));
  overflow: auto; padding: 12px 14px;
  background: #fff; color: #1d2230; border: 1px solid #c9cfdb; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(20, 30, 50, 0.18);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  letter-spacing: normal; text-transform: none; word-spacing: normal;
}
.bb-card:focus { outline: 2px solid #2f6fde; outline-offset: 1px; }
.bb-card * { box-sizing: border-box; font: inherit; color: inherit; }
.bb-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.bb-heading { display: flex; align-items: baseline; flex-wrap: wrap; gap: 6px; min-width: 0; }
.bb-name { margin: 0; font-size: 15px; font-weight: 650; line-height: 1.3; }
.bb-type { font-size: 11px; color: #5b6477; text-transform: uppercase; letter-spacing: 0.04em; }
.bb-actions { display: flex; gap: 2px; flex: none; }
.bb-icon {
  width: 26px; height: 26px; padding: 0; border: 1px solid transparent; border-radius: 4px;
  background: transparent; color: #4a5263; font-size: 16px; line-height: 1; cursor: pointer;
}
.bb-icon:hover { background: #eef1f6; }
.bb-icon[aria-pressed="true"] { color: #2f6fde; }
button:focus-visible, a:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
.bb-desc { margin: 6px 0 0; }
.bb-labels { margin: 4px 0 0; font-size: 12px; color: #5b6477; }
.bb-count { margin: 10px 0 4px; font-size: 12px; color: #5b6477; }
.bb-list { list-style: none; margin: 0; padding: 0; }
.bb-briefing { margin: 0; padding: 8px 0; border-top: 1px solid #e3e7ee; }
.bb-title { display: block; font-weight: 600; color: #1a4fb0; text-decoration: none; text-align: left; }
a.bb-title:hover, .bb-link:hover { text-decoration: underline; }
.bb-link { padding: 0; border: 0; background: none; color: #1a4fb0; cursor: pointer; text-align: left; }
.bb-meta { margin-top: 2px; font-size: 12px; color: #5b6477; }
.bb-meta .bb-link { font-size: 12px; }
.bb-snippet { margin: 4px 0 0; }
.bb-snippet mark { background: #ffe7a3; color: inherit; padding: 0 1px; border-radius: 2px; }
.bb-why { margin: 3px 0 0; font-size: 11.5px; color: #6b7385; }
.bb-status { margin: 10px 0 2px; color: #4a5263; }
.bb-error { color: #a0262b; }
.bb-more { margin-top: 6px; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .bb-card { background: #1f232b; color: #e6e9ef; border-color: #3a4150; }
  .bb-type, .bb-labels, .bb-count, .bb-meta, .bb-why, .bb-status { color: #a9b1c1; }
  .bb-title, .bb-link { color: #8fb4ff; }
  .bb-icon { color: #c3cad8; }
  .bb-icon:hover { background: #2c323d; }
  .bb-briefing { border-top-color: #343b48; }
  .bb-snippet mark { background: #6b5512; }
}
`;
