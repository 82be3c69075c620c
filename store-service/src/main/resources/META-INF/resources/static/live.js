// Verbatim home page: new statements arrive at the top of the list through the SSE stream
// (/api/statements/stream). Served as a file: the pages' Content-Security-Policy allows no inline script.
// Every value is set as text (textContent), never as HTML.
(function () {
  'use strict';
  var list = document.getElementById('newest');
  if (!list || !window.EventSource) {
    return;
  }
  var status = document.getElementById('live-status');
  var arrived = 0;

  function text(tag, className, value) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    node.textContent = value;
    return node;
  }

  function link(href, value) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = value;
    return a;
  }

  function excerpt(value) {
    var flat = (value || '').replace(/\s+/g, ' ').trim();
    if (flat.length <= 280) {
      return flat;
    }
    var cut = flat.lastIndexOf(' ', 280);
    return flat.substring(0, cut > 140 ? cut : 280) + ' …';
  }

  function item(s) {
    var li = document.createElement('li');
    li.className = 'statement live-new';
    var who = document.createElement('p');
    who.className = 'who';
    var speaker = s.speaker || {};
    who.appendChild(link('/speakers/' + encodeURIComponent(speaker.id || ''), speaker.name || 'Unknown speaker'));
    if (speaker.role) {
      who.appendChild(text('span', 'role', ', ' + speaker.role));
    }
    if (s.annotation && /interpret|translat/i.test(s.annotation)) {
      who.appendChild(document.createTextNode(' '));
      who.appendChild(text('span', 'badge', s.annotation));
    }
    li.appendChild(who);
    li.appendChild(text('p', 'excerpt', excerpt(s.text)));
    var where = document.createElement('p');
    where.className = 'where';
    var transcript = s.transcript || {};
    where.appendChild(link('/transcripts/' + encodeURIComponent(s.documentId) + '#s' + s.ordinal,
      transcript.title || 'Untitled transcript'));
    if (transcript.publishedAt) {
      where.appendChild(document.createTextNode(' · '));
      where.appendChild(text('time', null, transcript.publishedAt));
    }
    li.appendChild(where);
    return li;
  }

  var source = new EventSource(list.getAttribute('data-stream'));
  source.onopen = function () {
    if (status) {
      status.textContent = 'Live: new statements appear at the top as they are stored.';
    }
  };
  source.onmessage = function (event) {
    var statement;
    try {
      statement = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    list.insertBefore(item(statement), list.firstChild);
    arrived += 1;
    if (status) {
      status.textContent = arrived + (arrived === 1 ? ' new statement' : ' new statements') + ' since you opened this page.';
    }
  };
  source.onerror = function () {
    if (status) {
      status.textContent = 'Live updates paused; reconnecting…';
    }
  };
}());
