# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = Wir schicken Ihnen einen Link, um diese Adresse zu bestätigen. Keine E-Mail? Lassen Sie das Feld leer und geben Sie eine Telefonnummer an: Eine Koordinatorin oder ein Koordinator ruft Sie an.
error-email-or-phone-required = Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie erreichen können.
error-invalid-phone-region = Bitte geben Sie einen Ländercode aus zwei Buchstaben an, zum Beispiel DE.
thanks-body-phone = Sie haben keine E-Mail-Adresse angegeben. Deshalb ruft Sie in den nächsten Tagen jemand aus unserem Team an, um Ihre Anmeldung zu bestätigen. Erst danach können wir eine Begleitperson für Sie suchen.
contact-through-coordinator = Keine E-Mail und kein Telefon: Ihre Koordinatorin oder Ihr Koordinator bringt Sie zusammen.
coord-field-email-optional-hint = Leer lassen, wenn die Person keine E-Mail hat: Sie erscheint dann in der Liste der Personen, die telefonisch oder persönlich zu erreichen sind.
