// Package docpage publishes a repository document, METHODOLOGY.md, as a static page of
// the site: Markdown turns into HTML at build time (the native build tool only, never
// the wasm), in a page styled by web/app.css that links back to the app.
//
// The converter handles the subset the document uses, and says so rather than guessing
// when it meets something else: ATX headings, paragraphs, ordered and unordered lists
// (nested by indentation, with continuation lines), pipe tables with a delimiter row,
// and inline code, **bold**, *italic*, [links](url) and <https://autolinks>. Everything
// else is text, HTML-escaped: a document cannot inject markup or script.
package docpage
