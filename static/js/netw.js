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

/* A table wider than the screen scrolls inside its .table-wrap. While it does, make that box a
   region named after the table (its caption, else the nearest heading before it) that the
   keyboard can reach and scroll; when it fits again, take the tab stop away. Wraps that the
   template already made a region (tabindex set) are left as they are. */
(function () {
  "use strict";
  var wraps = document.querySelectorAll(".table-wrap:not([tabindex])");
  if (!wraps.length || !("ResizeObserver" in window)) {
    return;
  }
  var made = 0;
  function idOf(element) {
    if (!element.id) {
      made += 1;
      element.id = "table-label-" + made;
    }
    return element.id;
  }
  function labelFor(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) {
      return caption;
    }
    for (var node = wrap; node && node !== document.body; node = node.parentElement) {
      for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        if (/^H[1-6]$/.test(sibling.tagName)) {
          return sibling;
        }
        var headings = sibling.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (headings.length) {
          return headings[headings.length - 1];
        }
      }
    }
    return document.querySelector("h1");
  }
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var wrap = entry.target;
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("data-scroll-region")) {
        var label = labelFor(wrap);
        wrap.setAttribute("data-scroll-region", "");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("tabindex", "0");
        if (label) {
          wrap.setAttribute("aria-labelledby", idOf(label));
        }
      } else if (!scrolls && wrap.hasAttribute("data-scroll-region")) {
        ["data-scroll-region", "role", "tabindex", "aria-labelledby"].forEach(function (name) {
          wrap.removeAttribute(name);
        });
      }
    });
  });
  Array.prototype.forEach.call(wraps, function (wrap) {
    observer.observe(wrap);
  });
})();

/* The header's "Menu" button on small screens: a disclosure for the main menu and the header's
   tools. Without this script the button stays hidden and everything shows. Enter or Space (the
   button's own behaviour) toggles; Escape closes and puts the focus back on the button. On wide
   screens the stylesheet shows the menu whatever the button's state. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      menu.removeAttribute("data-closed");
    } else {
      menu.setAttribute("data-closed", "");
    }
  }
  setOpen(false);
  button.hidden = false;
  header.classList.add("has-menu-toggle");
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true"
        && getComputedStyle(button).display !== "none") {
      setOpen(false);
      button.focus();
    }
  });
})();

/* A form sent back with errors: the focus goes to its error summary (a screen reader reads the
   list of problems, the keyboard continues from there), and a link of the summary puts the focus
   in its field, with the field's label in view. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  // Without scrolling the page while the summary shows (near the top of the form, it normally
  // does): the page keeps its heading and breadcrumb in view, clear of the sticky header.
  summary.focus({preventScroll: true});
  if (summary.getBoundingClientRect().top > window.innerHeight - 48) {
    summary.scrollIntoView();
  }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) {
      return;
    }
    event.preventDefault();
    var label = field.id && document.querySelector("label[for='" + field.id + "']");
    var group = field.closest("fieldset");
    (group || label || field).scrollIntoView();
    field.focus({preventScroll: true});
  });
})();

/* A long list of checkboxes (netw.widgets.FilterableCheckboxList): a filter box above it hides
   the names that do not contain what is typed (a ticked box stays in view), and a status line,
   read out politely by screen readers, says how many are shown and how many are ticked. The
   texts come translated in the list's data attributes. Without this script: the plain list. */
(function () {
  "use strict";
  var made = 0;
  function fold(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    var options = Array.prototype.slice.call(list.querySelectorAll(".checklist-option"));
    var groups = list.querySelectorAll(".checklist-group");
    made += 1;
    var base = list.id || "checklist-" + made;
    var tools = document.createElement("div");
    tools.className = "checklist-tools";
    var label = document.createElement("label");
    label.htmlFor = base + "-filter";
    label.textContent = list.getAttribute("data-filter-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = base + "-filter";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", list.id || "");
    if (!list.id) {
      input.removeAttribute("aria-controls");
    }
    var status = document.createElement("p");
    status.className = "checklist-status";
    status.id = base + "-status";
    status.setAttribute("role", "status");
    input.setAttribute("aria-describedby", status.id);
    tools.appendChild(label);
    tools.appendChild(input);
    tools.appendChild(status);
    list.parentNode.insertBefore(tools, list);
    list.classList.add("checklist-enhanced");

    function update() {
      var needle = fold(input.value.trim());
      var shown = 0;
      var selected = 0;
      options.forEach(function (option) {
        var box = option.querySelector("input");
        var visible = box.checked || !needle || fold(option.textContent).indexOf(needle) !== -1;
        option.hidden = !visible;
        shown += visible ? 1 : 0;
        selected += box.checked ? 1 : 0;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector(".checklist-option:not([hidden])");
      });
      status.textContent = list.getAttribute("data-status-text")
        .replace("%(shown)s", shown).replace("%(total)s", options.length)
        .replace("%(selected)s", selected);
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    // Enter in the filter box would send the form: it only filters.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(timer);
        update();
      }
    });
    list.addEventListener("change", update);
    update();
  });
})();
