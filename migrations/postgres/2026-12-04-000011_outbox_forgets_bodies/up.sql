-- Sent messages keep no bodies: they held working links (see db::outbox::mark_sent).
UPDATE outbox SET body_text = '', body_html = '' WHERE sent_at IS NOT NULL;
