## Die Check-in-E-Mail und ihre Erinnerung (das Verbindungs-Kontinuum).
checkin-email-subject = { $programme }: Wie läuft es mit { $name }?
checkin-email-body = Es ist Zeit für einen kurzen Check-in über dich und { $name }. Er dauert eine Minute: ein paar Klicks, kaum etwas zu schreiben.
checkin-email-button = Check-in beantworten
checkin-email-private = { $name } sieht deine Antworten nicht. Nur die Koordination des Programms sieht sie.
checkin-email-concern = Wenn dich etwas beunruhigt: Auf derselben Seite gibt es den Knopf „Ich habe ein Anliegen“.
checkin-reminder-subject = { $programme }: eine Erinnerung wegen { $name }
checkin-reminder-body = Vor ein paar Tagen haben wir gefragt, wie es mit { $name } läuft. Wir freuen uns über deine Antwort, auch wenn ihr euch nicht getroffen habt.

## Die Abschluss-E-Mail mit den zwei Abschlussfragen.
closing-email-subject = { $programme }: Dein Match mit { $name } ist beendet
closing-email-body = Dein Match mit { $name } ist nun beendet. Danke für die Zeit und die Zuwendung, die du geschenkt hast.
closing-email-rematch = Wenn du möchtest, suchen wir ein neues Match für dich. Du behältst deinen Platz: Deine Wartezeit zählt ab deiner ersten Anmeldung.
closing-email-questions = Magst du noch zwei letzte Fragen beantworten? Es dauert eine Minute.
closing-email-button = Zwei letzte Fragen
closing-email-thanks = Deine Antworten helfen uns, das Programm besser zu machen. Nur die Koordination sieht sie.

## Die zwei Abschlussfragen (der Link der Abschluss-E-Mail).
exit-title = Zwei letzte Fragen
exit-intro = Dein Match mit { $name } ist beendet. Danke! Deine Antworten helfen { $programme }, besser zu werden. Nur die Koordination sieht sie.
exit-satisfied = Ich bin mit { $programme } zufrieden.
exit-thanks-title = Danke
exit-thanks-body = Wir haben deine Antworten. Alles Gute!
