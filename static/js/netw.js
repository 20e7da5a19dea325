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

/* "Print" buttons and links (data-print): open the browser's print dialog. A link keeps its
   address (a printable page) for when scripts do not run; a button is shown only with scripts. */
(function () {
  "use strict";
  if (typeof window.print !== "function") {
    return;
  }
  document.querySelectorAll("[data-print]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
})();
