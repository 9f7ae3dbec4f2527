// The markup src/prerender.rs writes into every page (the skip link, and the header through the
// footer, each marked data-prerendered), as one pattern for the scripts that take it out: the
// single-file build (scripts/single-file.mjs) and the first-content measurement's "before".
export const BUILD_TIME_MARKUP =
  /\n?<a class="skip-link"[^>]*data-prerendered>[^<]*<\/a>|\n?<header class="site-header" data-prerendered>[\s\S]*?<\/footer>/g;
