/* The portal's map component (netw/geo/maps.py, templates/geo/map.html).
 *
 * Draws every [data-map] element: tiles from data-tile-url or the outline of Europe from
 * data-outline-url, then the GeoJSON points of data-points-url, clustered when data-cluster is
 * "true". Markers and clusters are buttons in the Tab order: Enter or Space opens a marker's
 * popup (and moves into it), or zooms into a cluster; Escape closes the popup and returns to its
 * marker. Every text comes from the page (data-label-*, the points' properties): nothing here is
 * in one language. No inline style or script: the site's Content-Security-Policy forbids them.
 */
(function () {
  'use strict';

  var EUROPE = [[34, -25], [72, 45]];
  var MAX_FIT_ZOOM = 10;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(container, message, isError) {
    var status = container.parentNode.querySelector('.map-status');
    if (!status) return;
    status.textContent = message || '';
    status.classList.toggle('message', Boolean(message));
    status.classList.toggle('message-error', Boolean(message && isError));
  }

  // The marker's look and its accessible name (role="button": its text is its name).
  function markerIcon(props) {
    var kind = /^[a-z0-9-]+$/.test(props.kind || '') ? props.kind : 'place';
    var classes = ['map-marker', 'map-marker-' + kind];
    var body = element('span', 'map-marker-body');
    body.setAttribute('aria-hidden', 'true');
    var hasCount = typeof props.count === 'number';
    if (hasCount) {
      classes.push('map-marker-count');
      if (props.count === 0) classes.push('map-marker-none');
      body.textContent = String(props.count);
    }
    if (props.badge) classes.push('map-marker-pending');
    var html = element('span', 'map-marker-inner');
    html.appendChild(body);
    var name = element('span', 'visually-hidden');
    var title = element('span', null, props.name);
    if (props.lang) title.lang = props.lang;
    name.appendChild(title);
    [props.detail, props.badge].forEach(function (extra) {
      if (extra) name.appendChild(document.createTextNode(' — ' + extra));
    });
    html.appendChild(name);
    var size = hasCount ? 34 : 22;
    return L.divIcon({html: html, className: classes.join(' '), iconSize: [size, size]});
  }

  function popupContent(props) {
    var box = element('div', 'map-popup');
    var heading = element('p', 'map-popup-name');
    var name = props.url ? element('a', null, props.name) : element('span', null, props.name);
    if (props.url) name.href = props.url;
    if (props.lang) name.lang = props.lang;
    heading.appendChild(name);
    box.appendChild(heading);
    if (props.detail) box.appendChild(element('p', 'map-popup-detail', props.detail));
    if (props.badge) box.appendChild(element('p', 'badge badge-warn', props.badge));
    return box;
  }

  function clusterIcon(label) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var html = element('span', 'map-marker-inner');
      var body = element('span', 'map-marker-body', count);
      body.setAttribute('aria-hidden', 'true');
      html.appendChild(body);
      html.appendChild(element('span', 'visually-hidden', label.replace('%(count)s', count)));
      var size = count < 10 ? 36 : count < 100 ? 42 : 48;
      return L.divIcon({html: html, className: 'map-marker map-cluster', iconSize: [size, size]});
    };
  }

  function drawBackground(map, container) {
    var data = container.dataset;
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, {attribution: data.tileAttribution || ''}).addTo(map);
      return;
    }
    if (!data.outlineUrl) return;
    map.attributionControl.addAttribution(data.outlineAttribution || '');
    fetch(data.outlineUrl, {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (outline) {
        if (!outline) return;
        var layer = L.geoJSON(outline, {interactive: false, className: 'map-outline'});
        layer.addTo(map);
        layer.bringToBack();
      })
      .catch(function () { /* the points still show on the plain background */ });
  }

  function init(container) {
    var data = container.dataset;
    var fallback = container.querySelector('.map-fallback');
    if (fallback) fallback.remove();

    var reducedMotion = window.matchMedia &&
      window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var map = L.map(container, {zoomControl: false, minZoom: 2, maxZoom: 16,
                                zoomAnimation: !reducedMotion, fadeAnimation: !reducedMotion,
                                markerZoomAnimation: !reducedMotion});
    L.control.zoom({zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut})
      .addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.fitBounds(EUROPE);
    drawBackground(map, container);

    var fromKeyboard = false;
    var opener = null;
    var openPopup = null;
    var sourceMarker = null;

    // Space works as Enter does (Leaflet answers Enter only); a cluster's zoom then leaves the
    // focus on the map, which Tab leaves for the markers now shown.
    container.addEventListener('keydown', function (event) {
      var target = event.target;
      if (event.key === 'Escape' && openPopup) {
        map.closePopup();
        event.preventDefault();
        return;
      }
      if (!target.classList || !target.classList.contains('leaflet-marker-icon')) return;
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
        fromKeyboard = true;
        opener = target;
        if (event.key !== 'Enter') {
          event.preventDefault();
          var isCluster = target.classList.contains('map-cluster');
          target.click();
          if (isCluster) container.focus();
        }
      }
    });
    container.addEventListener('mousedown', function () { fromKeyboard = false; });

    map.on('popupopen', function (event) {
      openPopup = event.popup;
      var popup = event.popup.getElement();
      var close = popup && popup.querySelector('.leaflet-popup-close-button');
      if (close) {
        close.setAttribute('aria-label', data.labelClose);
        close.title = data.labelClose;
      }
      if (fromKeyboard && popup) {
        var first = popup.querySelector('.map-popup a') || close;
        if (first) first.focus();
      }
    });
    map.on('popupclose', function (event) {
      openPopup = null;
      var popup = event.popup.getElement();
      var focusInside = popup && popup.contains(document.activeElement);
      var source = sourceMarker && sourceMarker.getElement();
      if (focusInside || fromKeyboard) {
        var back = (source && document.body.contains(source)) ? source : opener;
        if (back && document.body.contains(back)) back.focus();
        else container.focus();
      }
      fromKeyboard = false;
    });

    var useClusters = data.cluster === 'true' && typeof L.markerClusterGroup === 'function';
    var layer = useClusters
      ? L.markerClusterGroup({showCoverageOnHover: false, spiderfyOnMaxZoom: true,
                              animate: !reducedMotion,
                              iconCreateFunction: clusterIcon(data.labelGroup || '%(count)s')})
      : L.featureGroup();

    fetch(data.pointsUrl, {credentials: 'same-origin',
                           headers: {Accept: 'application/geo+json'}})
      .then(function (response) {
        if (response.status === 400) {
          setStatus(container, data.labelInvalid, true);
          container.dataset.mapReady = 'invalid';
          return null;
        }
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (collection) {
        if (!collection) return;
        var markers = [];
        (collection.features || []).forEach(function (feature) {
          var props = feature.properties || {};
          var coords = feature.geometry && feature.geometry.coordinates;
          if (!coords || !props.name) return;
          var marker = L.marker([coords[1], coords[0]], {icon: markerIcon(props),
                                                         keyboard: true, riseOnHover: true});
          marker.bindPopup(popupContent(props), {autoPanPadding: [24, 24]});
          marker.on('popupopen', function () { sourceMarker = marker; });
          markers.push(marker);
        });
        // The view first, without animation, then the markers: the clusters are built once,
        // for the zoom they are seen at.
        if (markers.length) {
          var bounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
          map.fitBounds(bounds, {padding: [24, 24], maxZoom: MAX_FIT_ZOOM, animate: false});
        }
        if (useClusters) layer.addLayers(markers);
        else markers.forEach(function (marker) { layer.addLayer(marker); });
        layer.addTo(map);
        container.dataset.mapReady = 'true';
      })
      .catch(function () {
        setStatus(container, data.labelFailed, true);
        container.dataset.mapReady = 'failed';
      });
  }

  function start() {
    if (typeof L === 'undefined' || !window.fetch) return;
    document.querySelectorAll('[data-map]').forEach(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
