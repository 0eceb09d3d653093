## Seitenrahmen

site-name = buddymatch
skip-to-content = Zum Hauptinhalt springen
language-switcher = Sprache
footer-text = buddymatch bringt Menschen, die neu angekommen sind, mit Menschen zusammen, die schon hier leben.

## Anmeldeformular

signup-title = Anmeldung
signup-heading = Anmeldung: { $programme }
signup-intro = In diesem Programm treffen sich Menschen, die neu angekommen sind, regelmäßig mit Menschen, die schon hier leben: zum Reden, für ein gemeinsames Hobby und um eine Sprache zu üben. Drei kurze Schritte, etwa fünf Minuten.
required-note = Felder mit * müssen ausgefüllt werden.
choose = – bitte wählen –
not-given = – keine Angabe –
submit-signup = Anmelden

error-summary-title = Es gibt ein Problem
error-summary-intro = Bitte korrigieren Sie Folgendes und senden Sie das Formular erneut:
error-prefix = Fehler:

section-about = Über Sie
field-first-name = Vorname
field-last-name = Nachname
field-email = E-Mail-Adresse
field-email-hint = Wir schicken Ihnen einen Link, um diese Adresse zu bestätigen.
field-phone = Telefonnummer (freiwillig)
field-message-language = Sprache unserer E-Mails an Sie
field-birth-year = Geburtsjahr (freiwillig)
field-gender = Geschlecht (freiwillig)
gender-woman = Frau
gender-man = Mann
gender-non-binary = Nicht-binär
gender-prefer-not-to-say = Möchte ich nicht sagen
field-is-minor = Ich bin unter 18 Jahre alt

section-role = Ihre Rolle im Programm
role-legend = Ich bin jemand, der/die …
role-arriving = … neu hier angekommen ist
role-receiving = … schon hier lebt
field-volunteer = Ich möchte ehrenamtlich Buddy sein
field-volunteer-hint = Ein ehrenamtlicher Buddy trifft sich regelmäßig mit einer Person oder Familie, die neu angekommen ist.
field-capacity = Für wie viele Personen oder Familien könnten Sie Buddy sein?
field-capacity-hint = Nur für Ehrenamtliche: eine Zahl von 1 bis 5.

section-languages = Sprachen
languages-hint = Welche Sprachen sprechen Sie und wie gut? Geben Sie mindestens eine an.
language-n = Sprache { $n }
level-n = Niveau
level-of-language-n = Niveau von Sprache { $n }
languages-row = Sprache { $n } und Niveau
field-practise-languages = Sprachen, die ich üben möchte (freiwillig)
level-a1 = A1 – Anfänger
level-a2 = A2 – Grundkenntnisse
level-b1 = B1 – Mittelstufe
level-b2 = B2 – gute Mittelstufe
level-c1 = C1 – fortgeschritten
level-c2 = C2 – fast muttersprachlich
level-native = Muttersprache

section-interests = Interessen
interests-legend = Was machen Sie gern? Wählen Sie so viel aus, wie Sie möchten.
interests-programme = Aktivitäten dieses Programms
interests-more = Weitere Interessen ({ $count })
practise-more = Weitere Sprachen ({ $count })

section-availability = Wann haben Sie Zeit?
availability-legend = Kreuzen Sie alle Zeiten in der Woche an, zu denen Sie sich normalerweise treffen könnten.
availability-caption = Verfügbarkeit pro Woche
availability-day = Tag
day-mon = Montag
day-tue = Dienstag
day-wed = Mittwoch
day-thu = Donnerstag
day-fri = Freitag
day-sat = Samstag
day-sun = Sonntag
part-morning = Vormittag
part-afternoon = Nachmittag
part-evening = Abend

section-place = Wo Sie sich treffen können
field-area = Stadtteil oder Ort, in dem Sie wohnen
field-max-travel = Wie weit könnten Sie für ein Treffen fahren (in km, 0 bis 100)?
field-online-ok = Ich treffe mich auch gern online

section-household = Haushalt
household-hint = Wenn Sie sich als Familie anmelden, sagen Sie uns, wer bei Ihnen wohnt.
field-household-adults = Anzahl der Erwachsenen im Haushalt
field-household-children = Anzahl der Kinder im Haushalt
household-members-legend = Weitere Personen im Haushalt (freiwillig)
household-member-name = Vorname von Person { $n }
household-member-birth-year = Geburtsjahr von Person { $n }

section-preferences = Wünsche
preferences-hint = Wir halten uns streng an diese Wünsche. Wählen Sie daher nur, was Ihnen wirklich wichtig ist.
field-pref-buddy-gender = Mein Buddy soll sein
pref-gender-any = Egal
pref-gender-woman = Eine Frau
pref-gender-man = Ein Mann
field-pref-family = Ich möchte gern mit einer Familie zusammengebracht werden
pref-age-legend = Alter meines Buddys (freiwillig)
field-pref-age-min = Ab Alter
field-pref-age-max = Bis Alter
field-pref-outside-community = Ich hätte lieber einen Buddy außerhalb meiner eigenen Sprachgemeinschaft

section-domains = Teilen und lernen
share-legend = Wobei könnten Sie etwas weitergeben oder anderen helfen?
learn-legend = Worüber möchten Sie etwas lernen oder wobei wünschen Sie sich Hilfe?
domain-work = Arbeit
domain-housing = Wohnen
domain-education = Bildung
domain-health-and-social-care = Gesundheit und Pflege
domain-leisure = Freizeit
domain-language = Sprache
domain-culture = Kultur
domain-digital-skills = Digitale Kenntnisse
domain-rights-and-services = Rechte und Behörden
domain-safety = Sicherheit

section-consent = Datenschutz
field-consent = Ich habe den Datenschutzhinweis gelesen und bin einverstanden, dass meine Daten verwendet werden, um in diesem Programm einen Buddy für mich zu finden.

## Sign-up in steps

signup-privacy-first = Gespeichert wird erst, wenn Sie das Formular im letzten Schritt absenden, und wir nutzen Ihre Angaben nur, um einen Buddy für Sie zu finden.
step-progress = Schritt { $n } von { $total }
step-about = Über Sie
step-languages-interests = Ihre Sprachen und Interessen
step-when-where = Wann und wo
step-next = Weiter
step-back = Zurück
add-language = Weitere Sprache hinzufügen
add-household-member = Weitere Person im Haushalt hinzufügen
section-volunteer = Ehrenamt
section-household-optional = Haushalt (freiwillig)
section-preferences-optional = Wünsche an Ihren Buddy (freiwillig)
section-domains-optional = Teilen und lernen (freiwillig)
privacy-read-all = Den ganzen Datenschutzhinweis lesen
level-say-a1 = Ich kenne ein paar Wörter
level-say-a2 = Ich kann einfache Dinge des Alltags sagen
level-say-b1 = Ich komme im Alltag zurecht
level-say-b2 = Ich spreche die Sprache gut
level-say-c1 = Ich spreche die Sprache sehr gut
level-say-c2 = Ich spreche die Sprache fast wie eine Muttersprache
level-say-native = Das ist meine Muttersprache
language-as-said = { $language }: { $level }

## Datenschutzhinweis

privacy-heading = Datenschutzhinweis
privacy-intro = { $programme } nutzt buddymatch, um gut passende Tandems zu finden. So gehen wir mit Ihren Daten um.
privacy-collected-title = Was wir erheben
privacy-collected = Ihren Namen und Ihre Kontaktdaten, die Sprachen, die Sie sprechen, Ihre Interessen, Ihre freien Zeiten, Ihren Wohnort, Ihren Haushalt, Ihre Wünsche und was Sie teilen oder lernen möchten. Wir fragen nie nach Aufenthaltsstatus, Staatsangehörigkeit, ethnischer Herkunft oder Religion.
privacy-purpose-title = Wozu
privacy-purpose = Nur um in diesem Programm einen passenden Buddy für Sie zu finden und Ihr Tandem zu begleiten. Wir verwenden Ihre Daten für nichts anderes und verkaufen sie nie.
privacy-who-title = Wer sie sieht
privacy-who = Die Koordinatorinnen und Koordinatoren dieses Programms. Wenn wir Ihnen einen Buddy vorschlagen, sieht diese Person nur Ihren Vornamen und Ihre Gemeinsamkeiten, bis Sie beide zugestimmt haben. Erst dann werden Kontaktdaten weitergegeben.
privacy-retention-title = Wie lange wir sie speichern
privacy-retention = So lange Sie am Programm teilnehmen. Sie können uns jederzeit bitten, Ihre Daten zu zeigen, zu berichtigen oder zu löschen, oder Ihre Einwilligung widerrufen; dann löschen wir Ihre Daten innerhalb von 30 Tagen. Anmeldungen, die nie bestätigt werden, werden nach { $unconfirmed_days } Tagen gelöscht. Wenn Sie das Programm verlassen, löschen wir Ihre Daten { $retention_months } Monate später; Notizen und Kommentare zu einem Tandem werden { $retention_months } Monate nach seinem Ende gelöscht. Es bleiben nur anonyme Zahlen.
privacy-contact-title = Kontakt
privacy-contact = Die Koordination von { $programme }. Sie können auf jede E-Mail antworten, die wir Ihnen schicken.
privacy-legal = Dieser Hinweis ist eine Zusammenfassung in einfacher Sprache und keine Rechtsberatung. Version { $version }.

## Fehler im Formular

error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Diese Angabe ist zu lang.
error-invalid-email = Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.org.
error-invalid-phone = Bitte geben Sie eine gültige Telefonnummer ein.
error-invalid-choice = Bitte wählen Sie eine der angebotenen Möglichkeiten.
error-invalid-number = Bitte geben Sie eine ganze Zahl ein.
error-out-of-range = Diese Zahl liegt außerhalb des erlaubten Bereichs.
error-no-language = Bitte geben Sie mindestens eine Sprache an, die Sie sprechen.
error-duplicate-language = Sie haben eine Sprache mehr als einmal angegeben.
error-no-availability = Bitte kreuzen Sie mindestens eine Zeit an, zu der Sie Zeit haben.
error-consent-required = Bitte stimmen Sie dem Datenschutzhinweis zu, um sich anzumelden.
error-unknown-area = Bitte wählen Sie einen Ort aus der Liste.
error-unknown-interest = Bitte wählen Sie Interessen aus der Liste.
error-age-range-inverted = Das Mindestalter darf nicht höher sein als das Höchstalter.
error-capacity-volunteers-only = Nur ehrenamtliche Buddys können mehr als eine Person begleiten.
error-invalid = Diese Angabe ist nicht gültig.
error-form-too-large = Das gesendete Formular war zu groß. Bitte füllen Sie es mit kürzeren Antworten noch einmal aus.
error-form-unreadable = Ein Teil Ihrer Angaben war nicht lesbar (die Zeichen kamen beschädigt an). Bitte füllen Sie das Formular noch einmal aus.
error-form-send-again = Bitte prüfen Sie Ihre Angaben und drücken Sie noch einmal auf die Schaltfläche, um das Formular zu senden.
error-form-too-many = Aus Ihrer Internetverbindung sind in der letzten Stunde viele Anmeldungen gekommen, deshalb können wir Ihre gerade nicht annehmen. Ihre Angaben bleiben erhalten: Bitte senden Sie das Formular in { $minutes } Min. noch einmal.
signup-leave-empty = Dieses Feld bitte leer lassen

## Dank- und Bestätigungsseiten

thanks-title = Danke für Ihre Anmeldung
thanks-body = Wir haben Ihnen eine E-Mail an die angegebene Adresse geschickt. Bitte öffnen Sie den Link in dieser E-Mail, um Ihre Anmeldung zu bestätigen. Erst danach können wir einen Buddy für Sie suchen.
thanks-no-email = Nach ein paar Minuten noch keine E-Mail da? Bitte sehen Sie in Ihrem Spam-Ordner nach. Der Link ist 7 Tage gültig.
confirm-title = Anmeldung bestätigen
confirm-body = Bitte drücken Sie den Knopf, um Ihre Anmeldung bei { $programme } zu bestätigen.
confirm-button = Meine Anmeldung bestätigen
confirmed-title = Ihre Anmeldung ist bestätigt
confirmed-body-volunteer = Danke, { $name }, dass Sie Buddy werden möchten!
confirmed-volunteer-first = Bevor wir Sie jemandem vorschlagen können, meldet sich eine Koordinatorin oder ein Koordinator bei Ihnen: Sie unterschreiben unseren Verhaltenskodex und machen eine kurze Schulung zum Schutz aller Beteiligten. Das schützt alle, die mitmachen.
confirmed-volunteer-next = Danach suchen wir jemanden, dessen Sprachen, Interessen und freie Zeiten zu Ihren passen. Wenn wir jemanden gefunden haben, schicken wir Ihnen den Vornamen und was Sie gemeinsam haben, und Sie entscheiden, ob Sie sich treffen möchten.
confirmed-body = Danke, { $name }! Wir suchen jetzt einen Buddy für Sie. Eine Koordinatorin oder ein Koordinator meldet sich bei Ihnen. Das kann etwas dauern.
token-expired-title = Dieser Link ist abgelaufen
token-expired-body = Bestätigungslinks sind 7 Tage gültig. Bitte melden Sie sich mit derselben E-Mail-Adresse noch einmal an; dann schicken wir Ihnen einen neuen Link.
token-used-title = Dieser Link wurde schon verwendet
token-used-body = Diese Anmeldung ist bereits bestätigt. Sie müssen nichts weiter tun.
token-unknown-title = Link nicht gefunden
token-unknown-body = Dieser Link ist nicht gültig. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail kopiert haben.

## Fehlerseiten

not-found-title = Seite nicht gefunden
not-found-body = Diese Seite gibt es nicht. Wenn Sie einem Anmeldelink gefolgt sind, fragen Sie bitte Ihr Programm nach dem richtigen Link.
server-error-title = Etwas ist schiefgegangen
server-error-body = Bitte versuchen Sie es in ein paar Minuten noch einmal.
back-to-form = Zurück zum Anmeldeformular

## E-Mails

email-greeting = Hallo { $name },
email-hello = Guten Tag,
email-confirm-subject = Bitte bestätigen Sie Ihre Anmeldung bei { $programme }
email-confirm-body = danke für Ihre Anmeldung bei { $programme }. Bitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie diesen Link öffnen:
email-confirm-button = Meine Anmeldung bestätigen
email-confirm-expiry = Der Link ist 7 Tage gültig. Erst nach Ihrer Bestätigung können wir einen Buddy für Sie suchen.
email-not-you = Wenn Sie sich nicht angemeldet haben, können Sie diese E-Mail ignorieren. Unbestätigte Anmeldungen werden gelöscht.
email-signoff = Viele Grüße
email-team = Ihr Team von { $programme }
email-already-subject = Ihre Anmeldung bei { $programme }
email-already-body = jemand, wahrscheinlich Sie selbst, hat gerade versucht, sich mit dieser E-Mail-Adresse bei { $programme } anzumelden. Sie sind bereits angemeldet, deshalb wurde nichts geändert.
email-already-pending = Ihre Anmeldung ist noch nicht bestätigt. Bitte bestätigen Sie sie mit diesem Link (7 Tage gültig):
email-already-confirmed = Ihre Anmeldung ist bereits bestätigt, Sie müssen also nichts tun. Wenn Sie Ihre Angaben ändern möchten, antworten Sie bitte auf diese E-Mail.

## Sprachen (Namen in der Sprache der Seite)

lang-am = Amharisch
lang-ar = Arabisch
lang-bn = Bengalisch
lang-de = Deutsch
lang-en = Englisch
lang-es = Spanisch
lang-fa = Farsi (Persisch)
lang-fr = Französisch
lang-hi = Hindi
lang-it = Italienisch
lang-ka = Georgisch
lang-ku = Kurdisch
lang-pl = Polnisch
lang-prs = Dari
lang-ps = Paschtu
lang-pt = Portugiesisch
lang-ro = Rumänisch
lang-ru = Russisch
lang-so = Somali
lang-sq = Albanisch
lang-sr = Serbisch
lang-ti = Tigrinya
lang-tr = Türkisch
lang-uk = Ukrainisch
lang-ur = Urdu
lang-zh = Chinesisch

## Interessen

interest-cooking = Kochen
interest-football = Fußball
interest-chess = Schach
interest-music = Musik
interest-hiking = Wandern
interest-cycling = Radfahren
interest-reading = Lesen
interest-art = Kunst
interest-crafts = Basteln und Handwerk
interest-gardening = Gärtnern
interest-films = Filme
interest-photography = Fotografie
interest-dancing = Tanzen
interest-theatre = Theater
interest-swimming = Schwimmen
interest-running = Laufen
interest-yoga = Yoga
interest-board-games = Brettspiele
interest-video-games = Videospiele
interest-history = Geschichte
interest-technology = Technik
interest-nature = Natur
interest-travel = Reisen
interest-sewing = Nähen
interest-basketball = Basketball
interest-volleyball = Volleyball
interest-fitness = Fitness
interest-parenting = Kindererziehung
interest-science = Wissenschaft
interest-computers = Computer

signup-closed-title = Die Anmeldung ist geschlossen
signup-closed-body = { $programme } nimmt keine neuen Anmeldungen mehr an. Vielen Dank, dass Sie mitmachen wollten.
signup-closed-members = Wenn Sie schon mitmachen, ändert sich für Sie nichts: Ihr Buddy, Ihre Rückmeldungen und der Link zu Ihren Daten bleiben wie bisher.
signup-closed-elsewhere = Die Menschen, die das Programm betreuen, können Ihnen andere Wege nennen, in Ihrer Stadt Menschen kennenzulernen.
