# Vorstellungen, Antworten und die Seiten „Meine Daten“.

## Warum zwei Menschen zusammenpassen
reason-general = Ihr habt viel gemeinsam, und eure freien Zeiten und Orte passen zusammen.
reason-shared-language = Ihr sprecht beide { $languages }.
reason-shared-language-any = Ihr sprecht eine gemeinsame Sprache.
reason-shared-interests = Ihr mögt beide { $interests }.
reason-shared-interests-any = Ihr habt gemeinsame Interessen.
reason-common-slots = Ihr habt beide zu diesen Zeiten Zeit: { $slots }.
reason-common-slots-count = Ihr habt jede Woche { $count } gemeinsame freie Zeitfenster.
reason-common-slots-one = Ihr habt jede Woche ein gemeinsames freies Zeitfenster.
reason-common-slots-any = Eure freien Zeiten in der Woche passen zusammen.
reason-distance = Ihr wohnt etwa { $km } km voneinander entfernt.
reason-near = Ihr wohnt nah beieinander.
reason-online = Ihr trefft euch beide auch gern online.
reason-can-teach = Eine*r von euch kann hierbei helfen: { $domains }.
reason-can-teach-any = Eine*r von euch kann bei etwas helfen, das die andere Person lernen möchte.
reason-learn = Eine*r von euch möchte mehr erfahren über: { $domains }.
reason-learn-any = Ihr könnt voneinander lernen.
reason-practise-language = Eine*r von euch möchte { $languages } üben, und die andere Person spricht es gut.
reason-practise-language-any = Eine*r von euch kann der anderen Person helfen, eine Sprache zu üben.
reason-family = Ihr seid beide Familien, wie gewünscht.
reason-age = Ihr seid ungefähr gleich alt.

## Die Vorstellungs-E-Mail
intro-email-subject = { $programme }: Lerne { $name } kennen, deine vorgeschlagene Buddy-Person
intro-email-body = Gute Nachricht: Wir möchten dich mit { $name } bekannt machen.
intro-email-why = Warum wir denken, dass du und { $name } gut zusammenpasst:
intro-email-button = Antworten: ja oder nein
intro-email-privacy = Wir geben deine Kontaktdaten erst an { $name } weiter, wenn ihr beide ja gesagt habt.
intro-email-expiry = Der Link funktioniert einmal und { $days } Tage lang.
intro-email-my-data = Hier kannst du deine Daten ansehen, korrigieren oder löschen:

## Kontaktdaten (beide haben zugesagt)
contact-name = Name: { $name }
contact-email = E-Mail: { $email }
contact-phone = Telefon: { $phone }
contact-email-subject = { $programme }: Du und { $name } habt beide ja gesagt
contact-email-body = Du und { $name } habt beide ja gesagt. So erreichst du { $name }:
meet-tips-heading = Ideen für euer erstes Treffen:
meet-tip-public = Trefft euch an einem öffentlichen Ort, zum Beispiel in einem Café, einer Bibliothek oder einem Park.
meet-tip-daytime = Wählt eine Zeit am Tag und haltet das erste Treffen kurz.
meet-tip-tell = Sag einer Freundin, einem Freund oder jemandem aus der Familie, wohin du gehst.
meet-tip-coordinator = Wenn sich etwas nicht richtig anfühlt, wende dich jederzeit an deine Koordination.

## Eine Absage, freundlich mitgeteilt
declined-email-subject = { $programme }: Zu deiner vorgeschlagenen Buddy-Person { $name }
declined-email-body = { $name } kann gerade nicht an diesem Match teilnehmen. Das ist nichts Persönliches: Lebensumstände und Zeit ändern sich.
declined-email-seeker-next = Wir suchen weiter eine andere Buddy-Person für dich. Du musst nichts tun.
declined-email-buddy-next = Danke, dass du ja gesagt hast. Wir melden uns, sobald wir einen neuen Vorschlag haben.

## Erinnerung
reminder-email-subject = { $programme }: Bitte antworte zu { $name }
reminder-email-body = Vor einigen Tagen haben wir dir { $name } als Buddy-Person vorgeschlagen. Wir haben noch keine Antwort von dir. Bitte sag uns mit einem Klick, ob du dich treffen möchtest.

## Ein Match endet, weil die andere Person gegangen ist
ended-email-subject = { $programme }: Dein Match mit { $name } ist beendet
ended-email-body = { $name } hat das Programm verlassen, daher ist euer Match beendet. Danke für die Zeit, die du geschenkt hast. Wenn du weitermachen möchtest, suchen wir ein neues Match für dich.

## Antwort-Links, die nicht funktionieren
respond-used-title = Du hast schon geantwortet
respond-used-body = Danke, wir haben deine Antwort. Dieser Link funktioniert nur einmal.
respond-expired-title = Dieser Link ist abgelaufen
respond-expired-body = Antwort-Links gelten 14 Tage. Bitte wende dich an deine Koordination, wenn du dich noch treffen möchtest.
respond-closed-title = Dieser Vorschlag ist nicht mehr offen
respond-closed-body = Dieses Match wartet nicht mehr auf eine Antwort. Wir melden uns, wenn wir einen neuen Vorschlag für dich haben.
respond-unknown-title = Link nicht gefunden
respond-unknown-body = Dieser Link ist ungültig. Bitte prüfe, ob du den ganzen Link aus der E-Mail kopiert hast.

## Die Antwortseite
respond-title = Möchtest du { $name } kennenlernen?
respond-intro = Wir schlagen dir { $name } als Buddy-Person in { $programme } vor.
respond-why = Warum wir denken, dass du und { $name } gut zusammenpasst
respond-accept = Ja, ich möchte mich treffen
respond-decline-heading = Diesmal nicht?
respond-reason = Grund (freiwillig)
respond-reason-hint = Das lesen nur die Koordinator*innen; es wird nicht an die andere Person weitergegeben.
respond-decline = Nein, danke
respond-accepted-title = Danke!
respond-accepted-body = Wir schicken dir die Kontaktdaten von { $name }, sobald { $name } auch ja gesagt hat.
respond-both-title = Ihr habt beide ja gesagt
respond-both-body = So erreichst du { $name }. Wir haben dir diese Angaben auch per E-Mail geschickt.
respond-declined-title = Danke für deine Rückmeldung
respond-declined-body = Wir haben deine Antwort notiert. Du wirst { $name } nicht noch einmal vorgeschlagen.

## Meine Daten
me-title = Deine Daten, { $name }
me-status-pending = Du hast deine Anmeldung bei { $programme } noch nicht bestätigt.
me-status-confirmed = Du bist bei { $programme } angemeldet.
me-status-withdrawn = Du hast deine Einwilligung widerrufen. Wir suchen kein Match mehr für dich.
me-matches-heading = Dein Match
me-partner-left = Ihr Paar ist beendet: Die andere Person hat das Programm verlassen und ihre Daten wurden gelöscht. Wenn Sie sich jemand Neues wünschen, antworten Sie einfach auf eine unserer E-Mails.
me-no-matches = Wir haben dich noch niemandem vorgestellt.
me-match-waiting-you = Wir haben dir { $name } als Buddy-Person vorgeschlagen. Bitte antworte über den Link in unserer E-Mail.
me-match-waiting-other = Du hast ja zu { $name } gesagt. Wir warten auf die Antwort von { $name }.
me-match-active = Du und { $name } seid ein Match. So erreichst du { $name }:
me-match-declined = Das Match mit { $name } ist nicht zustande gekommen.
me-match-closed = Dein Match mit { $name } ist beendet.
me-match-respond-hint = Wenn du die E-Mail nicht findest, bitte deine Koordination, sie noch einmal zu schicken.
me-profile-heading = Was wir über dich gespeichert haben
me-correct-heading = Angaben korrigieren
me-correct-hint = Für andere Änderungen (Sprachen, Haushalt, Wünsche) wende dich bitte an deine Koordination.
me-save = Änderungen speichern
me-saved = Deine Änderungen sind gespeichert.
me-download-heading = Deine Daten herunterladen
me-download = Alle deine Daten herunterladen (JSON-Datei)
me-withdraw-heading = Einwilligung widerrufen
me-withdraw-text = Wir suchen dann kein Match mehr für dich und beenden ein laufendes Match. Deine Daten bleiben gespeichert, bis du sie löschst.
me-withdraw = Einwilligung widerrufen
me-delete-heading = Deine Daten löschen
me-delete-text = Damit werden dein Profil, dein Haushalt und deine Matches endgültig entfernt. Wir behalten nur eine anonyme Zählung.
me-delete-confirm = Ja, alle meine Daten löschen
me-delete = Meine Daten löschen
me-delete-not-confirmed = Bitte setze das Häkchen, um zu bestätigen, dass du deine Daten löschen möchtest.
me-yes = Ja
me-no = Nein
me-expired-title = Dieser Link ist abgelaufen
me-expired-body = Bitte fordere einen neuen Link zu deinen Daten an.
me-unknown-title = Link nicht gefunden
me-unknown-body = Dieser Link ist ungültig. Bitte fordere einen neuen Link zu deinen Daten an.
me-withdrawn-title = Einwilligung widerrufen
me-withdrawn-body = Wir suchen kein Match mehr für dich. Mit deinem Link kannst du deine Daten weiterhin ansehen oder löschen.
me-deleted-title = Deine Daten sind gelöscht
me-deleted-body = Wir haben deine Daten gelöscht. Danke, dass du mitgemacht hast.
me-request-title = Ein Link zu deinen Daten
me-request-intro = Gib die E-Mail-Adresse ein, mit der du dich angemeldet hast. Wenn wir sie kennen, schicken wir dir einen Link, um deine Daten anzusehen, zu korrigieren, herunterzuladen oder zu löschen.
me-request-button = Link schicken
me-request-sent-title = Bitte sieh in dein E-Mail-Postfach
me-request-sent-body = Wenn diese Adresse angemeldet ist, haben wir ihr einen Link geschickt. Der Link gilt 180 Tage.
me-email-subject = { $programme }: Dein persönlicher Link
me-email-body = Hier ist dein persönlicher Link, um deine Daten bei { $programme } anzusehen, zu korrigieren, herunterzuladen oder zu löschen.
me-email-button = Meine Daten öffnen
me-email-expiry = Der Link gilt { $days } Tage. Gib ihn nicht weiter: Wer den Link hat, kann deine Daten sehen.
error-email-taken = Eine andere Anmeldung in diesem Programm verwendet diese E-Mail-Adresse bereits.
