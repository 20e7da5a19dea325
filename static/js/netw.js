/* Net-Works portal: the little script every page loads. No framework; the pages work without it. */

/* The sticky header grows when its navigation wraps (narrow windows, long menus, long
   translations). Keep --header-offset equal to its real height, so that a control reached with
   the keyboard (or an anchor) scrolls clear of the header instead of under it. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  if (!header || !("ResizeObserver" in window)) {
    return;
  }
  var root = document.documentElement;
  new ResizeObserver(function () {
    var sticky = getComputedStyle(header).position === "sticky";
    root.style.setProperty("--header-offset", (sticky ? header.offsetHeight : 0) + "px");
  }).observe(header);
})();
