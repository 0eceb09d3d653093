// Reads the messages the SMTP test sink (tests/support/smtp_sink.py) wrote as raw .eml files:
// a small MIME reader (multipart, quoted-printable, base64, RFC 2047 headers) and a poller that
// waits for the message a test expects.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Decodes quoted-printable text to bytes (soft line breaks removed). */
export function decodeQuotedPrintable(text) {
  const body = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function charsetOf(contentType) {
  const m = /charset="?([^";\s]+)"?/i.exec(contentType || '');
  return (m ? m[1] : 'utf-8').toLowerCase();
}

function bytesToText(buf, charset) {
  return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(buf);
}

/** Decodes RFC 2047 encoded words (`=?utf-8?b?...?=`, `=?utf-8?q?...?=`) in a header value. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?') // whitespace between encoded words is not shown
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset, enc, data) => {
      const buf = enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return bytesToText(buf, charset.toLowerCase());
    });
}

function splitHeaders(raw) {
  const sep = /\r?\n\r?\n/.exec(raw);
  const head = sep ? raw.slice(0, sep.index) : raw;
  const body = sep ? raw.slice(sep.index + sep[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body, headers) {
  const cte = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  let buf;
  if (cte === 'base64') buf = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (cte === 'quoted-printable') buf = decodeQuotedPrintable(body);
  else buf = Buffer.from(body, 'latin1'); // 7bit / 8bit: the file was read as latin1 bytes
  return bytesToText(buf, charsetOf(headers['content-type']));
}

/** Collects the text parts of a MIME entity: [{ type, text }]. */
function textParts(raw) {
  const { headers, body } = splitHeaders(raw);
  const type = (headers['content-type'] || 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const m = /boundary="?([^";]+)"?/i.exec(headers['content-type']);
    if (!m) return [];
    const parts = body.split(`--${m[1]}`).slice(1);
    return parts
      .filter((p) => !p.startsWith('--'))
      .flatMap((p) => textParts(p.replace(/^\r?\n/, '')));
  }
  if (type.startsWith('text/')) return [{ type: type.split(';')[0], text: decodeBody(body, headers) }];
  return [];
}

/** Parses one raw message into { file, to, subject, text, html }. */
export function parseMessage(raw, file = '') {
  const { headers } = splitHeaders(raw);
  const parts = textParts(raw);
  return {
    file,
    to: decodeHeader(headers.to || '').toLowerCase(),
    subject: decodeHeader(headers.subject || ''),
    text: parts.filter((p) => p.type === 'text/plain').map((p) => p.text).join('\n'),
    html: parts.filter((p) => p.type === 'text/html').map((p) => p.text).join('\n'),
  };
}

/** The links of a message's plain text (and HTML, for hrefs) whose path contains `pathPart`. */
export function linksIn(message, pathPart) {
  const found = new Set();
  for (const m of `${message.text}\n${message.html}`.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
    const url = m[0].replace(/&amp;/g, '&').replace(/[).,;]+$/, '');
    if (new URL(url).pathname.includes(pathPart)) found.add(url);
  }
  return [...found];
}

/** A reader of one maildir that remembers what it parsed. */
export class Maildir {
  constructor(dir) {
    this.dir = dir;
    this.cache = new Map();
  }

  async all() {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.eml')).sort();
    for (const name of names) {
      if (!this.cache.has(name)) {
        const raw = await readFile(join(this.dir, name), 'latin1');
        this.cache.set(name, parseMessage(raw, name));
      }
    }
    return names.map((n) => this.cache.get(n));
  }

  /** Messages to `address` that satisfy `predicate`. */
  async to(address, predicate = () => true) {
    const a = address.toLowerCase();
    return (await this.all()).filter((m) => m.to.includes(a) && predicate(m));
  }

  /** Waits until `count` messages to `address` satisfy `predicate`, then returns them. */
  async waitFor(address, predicate = () => true, { count = 1, timeoutMs = 20_000, what = 'a message' } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.to(address, predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        const seen = (await this.to(address)).map((m) => m.subject);
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} to ${address} in ${this.dir}; ` +
          `messages to that address: ${JSON.stringify(seen)}`);
      }
      await sleep(100);
    }
  }
}
