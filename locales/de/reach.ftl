# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = Wir schicken Ihnen einen Link, um diese Adresse zu bestätigen. Keine E-Mail? Lassen Sie das Feld leer und geben Sie eine Telefonnummer an: Eine Koordinatorin oder ein Koordinator ruft Sie an.
error-email-or-phone-required = Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie erreichen können.
error-invalid-phone-region = Bitte geben Sie einen Ländercode aus zwei Buchstaben an, zum Beispiel DE.
thanks-body-phone = Sie haben keine E-Mail-Adresse angegeben. Deshalb ruft Sie in den nächsten Tagen jemand aus unserem Team an, um Ihre Anmeldung zu bestätigen. Erst danach können wir eine Begleitperson für Sie suchen.
contact-through-coordinator = Keine E-Mail und kein Telefon: Ihre Koordinatorin oder Ihr Koordinator bringt Sie zusammen.
coord-field-email-optional-hint = Leer lassen, wenn die Person keine E-Mail hat: Sie erscheint dann in der Liste der Personen, die telefonisch oder persönlich zu erreichen sind.
reach-link = Telefonisch zu erreichen
reach-title = Telefonisch oder persönlich zu erreichen: { $programme }
reach-intro = Diese Personen haben keine E-Mail-Adresse und bekommen deshalb keine E-Mails von uns. Rufen Sie sie an (oder treffen Sie sie) wegen der hier genannten Punkte und tragen Sie danach ein, was sie gesagt haben.
reach-none = Zurzeit ist niemand zu erreichen.
reach-no-phone = Kein Telefon: persönlich
reach-confirm-title = Anmeldung bestätigen
reach-confirm-detail = Angemeldet am { $date }. Ohne Bestätigung wird die Anmeldung am { $deleted } gelöscht.
reach-confirm-button = Am Telefon bestätigt
reach-introduce-title = { $name } vorstellen und fragen, ob ein Treffen gewünscht ist
reach-introduce-why = Warum die beiden zusammenpassen:
reach-introduce-reason = Grund, falls die Antwort Nein war (nur für das Koordinationsteam sichtbar)
reach-said-yes = Hat Ja gesagt
reach-said-no = Hat Nein gesagt
reach-contact-title = Beide haben Ja gesagt: die Kontaktdaten von { $name } weitergeben
reach-match-link = Zur Seite des Paars
reach-checkin-title = Die Fragen der Rückmeldung stellen (fällig am { $date })
reach-checkin-link = Die Antworten auf der Seite des Paars eintragen
reach-done = Gespeichert.
reach-not-waiting = Nichts geändert: Das wurde inzwischen beantwortet oder abgeschlossen.
audit-action-participant-confirm-by-phone = Anmeldung telefonisch bestätigt
