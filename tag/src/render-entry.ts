/** render.js: the template renderer as an ES module, for the console's live previews. */
export { render, MODAL } from './render';
export type { ActionLike, Report, View } from './render';
