## Die Check-in-E-Mail und ihre Erinnerung (das Verbindungs-Kontinuum).
checkin-email-subject = { $programme }: Wie läuft es mit { $name }?
checkin-email-body = Es ist Zeit für einen kurzen Check-in über Sie und { $name }. Er dauert eine Minute: ein paar Klicks, kaum etwas zu schreiben.
checkin-email-button = Check-in beantworten
checkin-email-private = { $name } sieht Ihre Antworten nicht. Nur die Koordination des Programms sieht sie.
checkin-email-concern = Wenn Sie etwas beunruhigt: Auf derselben Seite gibt es den Knopf „Ich habe ein Anliegen“.
checkin-reminder-subject = { $programme }: eine Erinnerung wegen { $name }
checkin-reminder-body = Vor ein paar Tagen haben wir gefragt, wie es mit { $name } läuft. Wir freuen uns über Ihre Antwort, auch wenn Sie sich nicht getroffen haben.

## Die Abschluss-E-Mail mit den zwei Abschlussfragen.
closing-email-subject = { $programme }: Ihr Match mit { $name } ist beendet
closing-email-body = Ihr Match mit { $name } ist nun beendet. Danke für die Zeit und die Zuwendung, die Sie geschenkt haben.
closing-email-rematch = Wenn Sie möchten, suchen wir ein neues Match für Sie. Sie behalten Ihren Platz: Ihre Wartezeit zählt ab Ihrer ersten Anmeldung.
closing-email-questions = Möchten Sie noch zwei letzte Fragen beantworten? Es dauert eine Minute.
closing-email-button = Zwei letzte Fragen
closing-email-thanks = Ihre Antworten helfen uns, das Programm besser zu machen. Nur die Koordination sieht sie.

## Die zwei Abschlussfragen (der Link der Abschluss-E-Mail).
exit-title = Zwei letzte Fragen
exit-intro = Ihr Match mit { $name } ist beendet. Danke! Ihre Antworten helfen { $programme }, besser zu werden. Nur die Koordination sieht sie.
exit-satisfied = Ich bin mit { $programme } zufrieden.
exit-thanks-title = Danke
exit-thanks-body = Wir haben Ihre Antworten. Alles Gute!
