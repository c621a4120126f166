/**
 * The style of every template, applied inside each action's shadow root (so neither the shop's CSS nor
 * ours leaks across). The host element is a fixed, click-through layer over the viewport and the action
 * is placed in it: so the host has the action's place on screen (visibility checks, browser tests see it)
 * while the page under it stays usable. The build minifies the literal below (build.mjs). Sites may theme with the custom
 * properties `--omotenashi-accent` and `--omotenashi-font`, which inherit into the shadow root.
 */
export const css = `
:host {
  all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483000 !important; pointer-events: none !important
}
:host([data-modal]) { z-index: 2147483001 !important }
* { box-sizing: border-box }
.w {
  font: 15px/1.7 var(--omotenashi-font, system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif);
  color: #222; text-align: left; line-break: strict; word-break: normal; overflow-wrap: anywhere;
  -webkit-text-size-adjust: 100%; pointer-events: auto
}
h2 { font-size: 19px; line-height: 1.45; margin: 0 0 8px; font-feature-settings: "palt" }
@supports (word-break: auto-phrase) { h2 { word-break: auto-phrase } }
p { margin: 0 0 12px }
img { display: block; max-width: 100%; height: auto; margin: 0 auto 12px; border-radius: 8px }
a { color: inherit }
button { font: inherit; cursor: pointer }
.bt {
  display: inline-block; min-height: 44px; padding: 10px 28px; border: 0; border-radius: 999px; margin-top: 4px;
  background: var(--omotenashi-accent, #c8372d); color: #fff; font-weight: 700; text-decoration: none; text-align: center
}
.x {
  position: absolute; top: 4px; right: 4px; width: 44px; height: 44px; border: 0; border-radius: 50%;
  background: none; color: inherit; opacity: .7; font-size: 26px; line-height: 1
}
:focus-visible { outline: 3px solid var(--omotenashi-accent, #c8372d); outline-offset: 2px }
.ov {
  position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: 16px;
  background: rgba(0, 0, 0, .5)
}
.dl, .si {
  position: relative; width: 100%; max-width: 460px; max-height: calc(100vh - 32px); overflow: auto;
  padding: 32px 24px 24px; border-radius: 12px; background: #fff; box-shadow: 0 8px 40px rgba(0, 0, 0, .3); text-align: center
}
.rc { max-width: 720px }
.cd {
  display: block; width: 100%; margin: 4px 0 12px; padding: 10px; border: 2px dashed var(--omotenashi-accent, #c8372d);
  border-radius: 8px; background: #fff8f6; color: #222; font: 700 22px/1.4 ui-monospace, Menlo, Consolas, monospace;
  letter-spacing: .1em; text-align: center
}
.ln { display: block; margin-top: 12px }
.bar {
  position: absolute; left: 0; right: 0; display: flex; align-items: center; justify-content: center; gap: 12px;
  min-height: 44px; padding: 8px 48px 8px 16px; background: #222; color: #fff; text-align: center
}
.bar .x { top: 50%; transform: translateY(-50%) }
.top { top: 0 }
.bottom { bottom: 0; padding-bottom: max(8px, env(safe-area-inset-bottom)) }
.bn { background: #fff; color: #222; box-shadow: 0 2px 12px rgba(0, 0, 0, .2) }
.bar a { display: flex; align-items: center; gap: 12px }
.bar img { width: auto; max-height: 72px; margin: 0 }
.bar p { margin: 0 }
.si { position: absolute; bottom: 16px; right: 16px; width: 340px; padding: 28px 20px 20px }
.left { right: auto; left: 16px }
.op { display: flex; align-items: center; justify-content: center; gap: 8px; margin-bottom: 8px; font-weight: 700 }
.op img { width: 40px; height: 40px; margin: 0; border-radius: 50%; object-fit: cover }
.cb { position: absolute; bottom: 16px; right: 16px; display: flex; align-items: center; gap: 4px }
.cb .bt { box-shadow: 0 4px 16px rgba(0, 0, 0, .3) }
.cb .x { position: static; width: 32px; height: 32px; font-size: 20px; background: #fff; box-shadow: 0 2px 8px rgba(0, 0, 0, .3) }
form { text-align: left }
label, legend { display: block; margin: 12px 0 4px; padding: 0; font-weight: 700 }
input, select, textarea {
  display: block; width: 100%; min-height: 44px; padding: 8px 10px; border: 1px solid #999; border-radius: 6px;
  background: #fff; color: #222; font: inherit
}
fieldset { margin: 0; padding: 0; border: 0 }
.ch { display: flex; align-items: center; gap: 8px; margin: 6px 0; font-weight: 400 }
.ch input { width: 22px; min-height: 22px; margin: 0 }
form .bt { display: block; width: 100%; margin-top: 20px }
ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 16px; margin: 0; padding: 0; list-style: none; text-align: left }
li a { display: block; text-decoration: none }
li img { width: 100%; aspect-ratio: 1; object-fit: cover; margin: 0 0 6px }
.pr { display: block; font-weight: 700; color: var(--omotenashi-accent, #c8372d) }
.hb { left: 50%; right: auto; transform: translateX(-50%); width: calc(100% - 32px); max-width: 640px; text-align: left }
@media (max-width: 480px) {
  .ov { align-items: flex-end; padding: 0 }
  .dl { max-height: 88vh; border-radius: 16px 16px 0 0; padding-bottom: max(24px, env(safe-area-inset-bottom)) }
  .si { left: 8px; right: 8px; bottom: 8px; width: auto; transform: none }
  ul { grid-template-columns: 1fr 1fr; gap: 12px }
}
@media (prefers-reduced-motion: no-preference) {
  .dl, .si { animation: in .25s ease-out }
  @keyframes in { from { opacity: 0; transform: translateY(16px) } }
}
`;
