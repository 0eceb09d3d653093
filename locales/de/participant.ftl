# Vorstellungen, Antworten und die Seiten „Meine Daten“.

## Warum zwei Menschen zusammenpassen
reason-general = Sie haben viel gemeinsam, und Ihre freien Zeiten und Orte passen zusammen.
reason-shared-language = Sie sprechen beide { $languages }.
reason-shared-language-any = Sie sprechen eine gemeinsame Sprache.
reason-shared-interests = Sie mögen beide { $interests }.
reason-shared-interests-any = Sie haben gemeinsame Interessen.
reason-common-slots = Sie haben beide zu diesen Zeiten Zeit: { $slots }.
reason-common-slots-count = Sie haben jede Woche { $count } gemeinsame freie Zeitfenster.
reason-common-slots-one = Sie haben jede Woche ein gemeinsames freies Zeitfenster.
reason-common-slots-any = Ihre freien Zeiten in der Woche passen zusammen.
reason-distance = Sie wohnen etwa { $km } km voneinander entfernt.
reason-near = Sie wohnen nah beieinander.
reason-online = Sie treffen sich beide auch gern online.
reason-can-teach = Eine*r von Ihnen kann hierbei helfen: { $domains }.
reason-can-teach-any = Eine*r von Ihnen kann bei etwas helfen, das die andere Person lernen möchte.
reason-learn = Eine*r von Ihnen möchte mehr erfahren über: { $domains }.
reason-learn-any = Sie können voneinander lernen.
reason-practise-language = Eine*r von Ihnen möchte { $languages } üben, und die andere Person spricht es gut.
reason-practise-language-any = Eine*r von Ihnen kann der anderen Person helfen, eine Sprache zu üben.
reason-family = Sie sind beide Familien, wie gewünscht.
reason-age = Sie sind ungefähr gleich alt.

## Die Vorstellungs-E-Mail
intro-email-subject = { $programme }: Lernen Sie { $name } kennen, Ihre vorgeschlagene Buddy-Person
intro-email-body = Gute Nachricht: Wir möchten Sie mit { $name } bekannt machen.
intro-email-why = Warum wir denken, dass Sie und { $name } gut zusammenpassen:
intro-email-button = Antworten: ja oder nein
intro-email-privacy = Wir geben Ihre Kontaktdaten erst an { $name } weiter, wenn Sie beide ja gesagt haben.
intro-email-expiry = Der Link funktioniert einmal und { $days } Tage lang.
intro-email-my-data = Hier können Sie Ihre Daten ansehen, korrigieren oder löschen:

## Kontaktdaten (beide haben zugesagt)
contact-name = Name: { $name }
contact-email = E-Mail: { $email }
contact-phone = Telefon: { $phone }
contact-email-subject = { $programme }: Sie und { $name } haben beide ja gesagt
contact-email-body = Sie und { $name } haben beide ja gesagt. So erreichen Sie { $name }:
meet-tips-heading = Ideen für Ihr erstes Treffen:
meet-tip-public = Treffen Sie sich an einem öffentlichen Ort, zum Beispiel in einem Café, einer Bibliothek oder einem Park.
meet-tip-daytime = Wählen Sie für das erste Treffen eine Zeit am Tag und halten Sie es kurz.
meet-tip-tell = Sagen Sie einer Freundin, einem Freund oder jemandem aus der Familie, wohin Sie gehen.
meet-tip-coordinator = Wenn sich etwas nicht richtig anfühlt, wenden Sie sich jederzeit an Ihre Koordination.

## Eine Absage, freundlich mitgeteilt
declined-email-subject = { $programme }: Zu Ihrer vorgeschlagenen Buddy-Person { $name }
declined-email-body = { $name } kann gerade nicht an diesem Match teilnehmen. Das ist nichts Persönliches: Lebensumstände und Zeit ändern sich.
declined-email-seeker-next = Wir suchen weiter eine andere Buddy-Person für Sie. Sie müssen nichts tun.
declined-email-buddy-next = Danke, dass Sie ja gesagt haben. Wir melden uns, sobald wir einen neuen Vorschlag haben.

## Erinnerung
reminder-email-subject = { $programme }: Bitte antworten Sie zu { $name }
reminder-email-body = Vor einigen Tagen haben wir Ihnen { $name } als Buddy-Person vorgeschlagen. Wir haben noch keine Antwort von Ihnen. Bitte sagen Sie uns mit einem Klick, ob Sie sich treffen möchten.

## Ein Match endet, weil die andere Person gegangen ist
ended-email-subject = { $programme }: Ihr Match mit { $name } ist beendet
ended-email-body = { $name } hat das Programm verlassen, daher ist Ihr Match beendet. Danke für die Zeit, die Sie geschenkt haben. Wenn Sie weitermachen möchten, suchen wir ein neues Match für Sie.

## Antwort-Links, die nicht funktionieren
respond-used-title = Sie haben schon geantwortet
respond-used-body = Danke, wir haben Ihre Antwort. Dieser Link funktioniert nur einmal.
respond-expired-title = Dieser Link ist abgelaufen
respond-expired-body = Antwort-Links gelten 14 Tage. Bitte wenden Sie sich an Ihre Koordination, wenn Sie sich noch treffen möchten.
respond-closed-title = Dieser Vorschlag ist nicht mehr offen
respond-closed-body = Dieses Match wartet nicht mehr auf eine Antwort. Wir melden uns, wenn wir einen neuen Vorschlag für Sie haben.
respond-unknown-title = Link nicht gefunden
respond-unknown-body = Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail kopiert haben.

## Die Antwortseite
respond-title = Möchten Sie { $name } kennenlernen?
respond-intro = Wir schlagen Ihnen { $name } als Buddy-Person in { $programme } vor.
respond-why = Warum wir denken, dass Sie und { $name } gut zusammenpassen
respond-accept = Ja, ich möchte mich treffen
respond-decline-heading = Diesmal nicht?
respond-reason = Grund (freiwillig)
respond-reason-hint = Das lesen nur die Koordinator*innen; es wird nicht an die andere Person weitergegeben.
respond-decline = Nein, danke
respond-accepted-title = Danke!
respond-accepted-body = Wir schicken Ihnen die Kontaktdaten von { $name }, sobald { $name } auch ja gesagt hat.
respond-both-title = Sie haben beide ja gesagt
respond-both-body = So erreichen Sie { $name }. Wir haben Ihnen diese Angaben auch per E-Mail geschickt.
respond-declined-title = Danke für Ihre Rückmeldung
respond-declined-body = Wir haben Ihre Antwort notiert. Sie werden { $name } nicht noch einmal vorgeschlagen.

## Meine Daten
me-title = Ihre Daten, { $name }
me-status-pending = Sie haben Ihre Anmeldung bei { $programme } noch nicht bestätigt.
me-status-confirmed = Sie sind bei { $programme } angemeldet.
me-status-withdrawn = Sie haben Ihre Einwilligung widerrufen. Wir suchen kein Match mehr für Sie.
me-matches-heading = Ihr Match
me-partner-left = Ihr Paar ist beendet: Die andere Person hat das Programm verlassen und ihre Daten wurden gelöscht. Wenn Sie sich jemand Neues wünschen, antworten Sie einfach auf eine unserer E-Mails.
me-no-matches = Wir haben Sie noch niemandem vorgestellt.
me-match-waiting-you = Wir haben Ihnen { $name } als Buddy-Person vorgeschlagen. Bitte antworten Sie über den Link in unserer E-Mail.
me-match-waiting-other = Sie haben ja zu { $name } gesagt. Wir warten auf die Antwort von { $name }.
me-match-active = Sie und { $name } sind ein Match. So erreichen Sie { $name }:
me-match-declined = Das Match mit { $name } ist nicht zustande gekommen.
me-match-closed = Ihr Match mit { $name } ist beendet.
me-match-respond-hint = Wenn Sie die E-Mail nicht finden, bitten Sie Ihre Koordination, sie noch einmal zu schicken.
me-profile-heading = Was wir über Sie gespeichert haben
me-correct-heading = Angaben korrigieren
me-correct-hint = Für andere Änderungen (Sprachen, Haushalt, Wünsche) wenden Sie sich bitte an Ihre Koordination.
me-save = Änderungen speichern
me-saved = Ihre Änderungen sind gespeichert.
me-download-heading = Ihre Daten herunterladen
me-download = Alle Ihre Daten herunterladen (JSON-Datei)
me-withdraw-heading = Einwilligung widerrufen
me-withdraw-text = Wir suchen dann kein Match mehr für Sie und beenden ein laufendes Match. Ihre Daten bleiben gespeichert, bis Sie sie löschen.
me-withdraw = Einwilligung widerrufen
me-delete-heading = Ihre Daten löschen
me-delete-text = Damit werden Ihr Profil, Ihr Haushalt und Ihre Matches endgültig entfernt. Wir behalten nur eine anonyme Zählung.
me-delete-confirm = Ja, alle meine Daten löschen
me-delete = Meine Daten löschen
me-delete-not-confirmed = Bitte setzen Sie das Häkchen, um zu bestätigen, dass Sie Ihre Daten löschen möchten.
me-yes = Ja
me-no = Nein
me-expired-title = Dieser Link ist abgelaufen
me-expired-body = Bitte fordern Sie einen neuen Link zu Ihren Daten an.
me-unknown-title = Link nicht gefunden
me-unknown-body = Dieser Link ist ungültig. Bitte fordern Sie einen neuen Link zu Ihren Daten an.
me-withdrawn-title = Einwilligung widerrufen
me-withdrawn-body = Wir suchen kein Match mehr für Sie. Mit Ihrem Link können Sie Ihre Daten weiterhin ansehen oder löschen.
me-deleted-title = Ihre Daten sind gelöscht
me-deleted-body = Wir haben Ihre Daten gelöscht. Danke, dass Sie mitgemacht haben.
me-request-title = Ein Link zu Ihren Daten
me-request-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich angemeldet haben. Wenn wir sie kennen, schicken wir Ihnen einen Link, um Ihre Daten anzusehen, zu korrigieren, herunterzuladen oder zu löschen.
me-request-button = Link schicken
me-request-sent-title = Bitte sehen Sie in Ihr E-Mail-Postfach
me-request-sent-body = Wenn diese Adresse angemeldet ist, haben wir ihr einen Link geschickt. Der Link gilt 180 Tage.
me-email-subject = { $programme }: Ihr persönlicher Link
me-email-body = Hier ist Ihr persönlicher Link, um Ihre Daten bei { $programme } anzusehen, zu korrigieren, herunterzuladen oder zu löschen.
me-email-button = Meine Daten öffnen
me-email-expiry = Der Link gilt { $days } Tage. Geben Sie ihn nicht weiter: Wer den Link hat, kann Ihre Daten sehen.
error-email-taken = Eine andere Anmeldung in diesem Programm verwendet diese E-Mail-Adresse bereits.
