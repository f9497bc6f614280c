// node-fetch v2 falls back to the `whatwg-url` package only where Node has no global URL. Node always has one,
// so the bundle maps that package here instead of carrying its 250 KB Unicode table.
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
