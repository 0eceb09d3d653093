## Cadre de la page

site-name = buddymatch
skip-to-content = Aller au contenu principal
language-switcher = Langue
footer-text = buddymatch met en relation des personnes récemment arrivées et des personnes qui vivent déjà ici.

## Formulaire d’inscription

signup-title = Inscription
signup-heading = Inscription : { $programme }
signup-intro = Dans ce programme, des personnes récemment arrivées et des personnes qui vivent déjà ici se retrouvent régulièrement : pour parler, partager un loisir et pratiquer une langue. Trois courtes étapes, environ cinq minutes.
required-note = Les champs marqués d’un * sont obligatoires.
choose = – veuillez choisir –
not-given = – non précisé –
submit-signup = M’inscrire

error-summary-title = Il y a un problème
error-summary-intro = Veuillez corriger les points suivants et renvoyer le formulaire :
error-prefix = Erreur :

section-about = À propos de vous
field-first-name = Prénom
field-last-name = Nom
field-email = Adresse e-mail
field-email-hint = Nous vous enverrons un lien pour confirmer cette adresse.
field-phone = Numéro de téléphone (facultatif)
field-message-language = Langue de nos e-mails
field-birth-year = Année de naissance (facultatif)
field-gender = Genre (facultatif)
gender-woman = Femme
gender-man = Homme
gender-non-binary = Non binaire
gender-prefer-not-to-say = Je préfère ne pas le dire
field-is-minor = J’ai moins de 18 ans

section-role = Votre rôle dans le programme
role-legend = Je suis une personne qui…
role-arriving = …est arrivée ici récemment
role-receiving = …vit déjà ici
field-volunteer = Je souhaite devenir parrain ou marraine bénévole
field-volunteer-hint = Un parrain ou une marraine bénévole rencontre régulièrement une personne ou une famille récemment arrivée.
field-capacity = Pour combien de personnes ou de familles pourriez-vous être parrain ou marraine ?
field-capacity-hint = Uniquement pour les bénévoles : un nombre de 1 à 5.

section-languages = Langues
languages-hint = Quelles langues parlez-vous, et à quel niveau ? Indiquez-en au moins une.
language-n = Langue { $n }
level-n = Niveau
level-of-language-n = Niveau de la langue { $n }
languages-row = Langue { $n } et niveau
field-practise-languages = Langues que je voudrais pratiquer (facultatif)
level-a1 = A1 – débutant
level-a2 = A2 – élémentaire
level-b1 = B1 – intermédiaire
level-b2 = B2 – intermédiaire avancé
level-c1 = C1 – avancé
level-c2 = C2 – quasi natif
level-native = Langue maternelle

section-interests = Centres d’intérêt
interests-legend = Qu’aimez-vous faire ? Choisissez-en autant que vous voulez.
interests-programme = Activités de ce programme
interests-more = Autres centres d’intérêt ({ $count })
practise-more = Autres langues ({ $count })

section-availability = Quand êtes-vous disponible ?
availability-legend = Cochez tous les moments de la semaine où vous pourriez habituellement vous retrouver.
availability-caption = Disponibilités par semaine
availability-day = Jour
day-mon = Lundi
day-tue = Mardi
day-wed = Mercredi
day-thu = Jeudi
day-fri = Vendredi
day-sat = Samedi
day-sun = Dimanche
part-morning = Matin
part-afternoon = Après-midi
part-evening = Soir

section-place = Où vous retrouver
field-area = Quartier ou commune où vous habitez
field-max-travel = Quelle distance pourriez-vous parcourir pour une rencontre (en km, de 0 à 100) ?
field-online-ok = Je veux bien aussi me retrouver en ligne

section-household = Foyer
household-hint = Si vous vous inscrivez en famille, dites-nous qui vit avec vous.
field-household-adults = Nombre d’adultes dans le foyer
field-household-children = Nombre d’enfants dans le foyer
household-members-legend = Autres membres du foyer (facultatif)
household-member-name = Prénom de la personne { $n }
household-member-birth-year = Année de naissance de la personne { $n }

section-preferences = Souhaits
preferences-hint = Nous respectons strictement ces souhaits ; ne choisissez donc que ce qui compte vraiment pour vous.
field-pref-buddy-gender = Mon binôme devrait être
pref-gender-any = Peu importe
pref-gender-woman = Une femme
pref-gender-man = Un homme
field-pref-family = J’aimerais être mis en relation avec une famille
pref-age-legend = Âge de mon binôme (facultatif)
field-pref-age-min = À partir de
field-pref-age-max = Jusqu’à
field-pref-outside-community = Je préférerais un binôme extérieur à ma propre communauté linguistique

section-domains = Partager et apprendre
share-legend = Dans quels domaines pourriez-vous partager ou aider ?
learn-legend = Sur quoi aimeriez-vous apprendre ou recevoir de l’aide ?
domain-work = Travail
domain-housing = Logement
domain-education = Éducation
domain-health-and-social-care = Santé et action sociale
domain-leisure = Loisirs
domain-language = Langue
domain-culture = Culture
domain-digital-skills = Compétences numériques
domain-rights-and-services = Droits et services publics
domain-safety = Sécurité

section-consent = Protection des données
field-consent = J’ai lu la notice de confidentialité et j’accepte que mes données soient utilisées pour me trouver un binôme dans ce programme.

## Sign-up in steps

signup-privacy-first = Rien n’est enregistré avant que vous envoyiez le formulaire à la dernière étape, et nous utilisons vos réponses uniquement pour vous trouver un binôme.
step-progress = Étape { $n } sur { $total }
step-about = Vous
step-languages-interests = Vos langues et vos centres d’intérêt
step-when-where = Quand et où
step-next = Suivant
step-back = Retour
add-language = Ajouter une autre langue
add-household-member = Ajouter une personne du foyer
section-volunteer = Bénévolat
section-household-optional = Foyer (facultatif)
section-preferences-optional = Souhaits pour votre binôme (facultatif)
section-domains-optional = Partager et apprendre (facultatif)
privacy-read-all = Lire toute la notice de confidentialité
level-say-a1 = Je connais quelques mots
level-say-a2 = Je peux dire des choses simples du quotidien
level-say-b1 = Je me débrouille au quotidien
level-say-b2 = Je la parle bien
level-say-c1 = Je la parle très bien
level-say-c2 = Je la parle presque comme une langue maternelle
level-say-native = C’est ma langue maternelle
language-as-said = { $language } : { $level }

## Notice de confidentialité

privacy-heading = Notice de confidentialité
privacy-intro = { $programme } utilise buddymatch pour former des binômes bien assortis. Voici ce que deviennent vos données.
privacy-collected-title = Ce que nous collectons
privacy-collected = Votre nom et vos coordonnées, les langues que vous parlez, vos centres d’intérêt, vos disponibilités, votre quartier, votre foyer, vos souhaits et ce que vous aimeriez partager ou apprendre. Nous ne demandons jamais le statut de séjour, la nationalité, l’origine ethnique ou la religion.
privacy-purpose-title = Pourquoi
privacy-purpose = Uniquement pour vous trouver un binôme adapté dans ce programme et accompagner votre binôme. Nous n’utilisons vos données à aucune autre fin et nous ne les vendons jamais.
privacy-who-title = Qui les voit
privacy-who = Les coordinatrices et coordinateurs de ce programme. Lorsque nous vous proposons un binôme, cette personne ne voit que votre prénom et vos points communs, jusqu’à ce que vous ayez tous les deux accepté. Ce n’est qu’ensuite que les coordonnées sont échangées.
privacy-retention-title = Combien de temps nous les gardons
privacy-retention = Aussi longtemps que vous participez au programme. Vous pouvez à tout moment nous demander de voir, corriger ou supprimer vos données, ou retirer votre consentement ; nous supprimons alors vos données sous 30 jours. Les inscriptions jamais confirmées sont supprimées au bout de { $unconfirmed_days } jours. Si vous quittez le programme, nous supprimons vos données { $retention_months } mois plus tard ; les notes et commentaires sur un binôme sont supprimés { $retention_months } mois après sa fin. Seuls des chiffres anonymes restent.
privacy-contact-title = Contact
privacy-contact = La coordination de { $programme }. Vous pouvez répondre à n’importe quel e-mail que nous vous envoyons.
privacy-legal = Cette notice est un résumé en langage clair, pas un avis juridique. Version { $version }.

## Erreurs dans le formulaire

error-required = Veuillez remplir ce champ.
error-too-long = Ce texte est trop long.
error-invalid-email = Veuillez saisir une adresse e-mail valide, par exemple nom@example.org.
error-invalid-phone = Veuillez saisir un numéro de téléphone valide.
error-invalid-choice = Veuillez choisir l’une des options proposées.
error-invalid-number = Veuillez saisir un nombre entier.
error-out-of-range = Ce nombre est en dehors des valeurs autorisées.
error-no-language = Veuillez indiquer au moins une langue que vous parlez.
error-duplicate-language = Vous avez indiqué une langue plusieurs fois.
error-no-availability = Veuillez cocher au moins un moment où vous êtes disponible.
error-consent-required = Veuillez accepter la notice de confidentialité pour vous inscrire.
error-unknown-area = Veuillez choisir un quartier dans la liste.
error-unknown-interest = Veuillez choisir des centres d’intérêt dans la liste.
error-age-range-inverted = L’âge minimum ne doit pas dépasser l’âge maximum.
error-capacity-volunteers-only = Seuls les bénévoles peuvent accompagner plus d’une personne.
error-invalid = Cette valeur n’est pas valide.
error-form-too-large = Le formulaire envoyé était trop volumineux. Veuillez le remplir à nouveau avec des réponses plus courtes.
error-form-unreadable = Une partie de ce que vous avez envoyé n’a pas pu être lue (les caractères sont arrivés abîmés). Veuillez remplir à nouveau le formulaire.
error-form-send-again = Veuillez vérifier vos réponses et appuyer encore une fois sur le bouton pour envoyer le formulaire.
error-form-too-many = Beaucoup d’inscriptions sont venues de votre connexion internet au cours de la dernière heure, nous ne pouvons donc pas prendre la vôtre pour l’instant. Vos réponses sont conservées : veuillez renvoyer le formulaire dans { $minutes } min.
signup-leave-empty = Laissez ce champ vide

## Pages de remerciement et de confirmation

thanks-title = Merci pour votre inscription
thanks-body = Nous avons envoyé un e-mail à l’adresse indiquée. Veuillez ouvrir le lien qu’il contient pour confirmer votre inscription. Ce n’est qu’ensuite que nous pourrons vous chercher un binôme.
thanks-no-email = Pas d’e-mail après quelques minutes ? Regardez dans vos courriers indésirables. Le lien est valable 7 jours.
confirm-title = Confirmer votre inscription
confirm-body = Veuillez appuyer sur le bouton pour confirmer votre inscription à { $programme }.
confirm-button = Confirmer mon inscription
confirmed-title = Votre inscription est confirmée
confirmed-body-volunteer = Merci, { $name }, de proposer d’être binôme !
confirmed-volunteer-first = Avant de pouvoir vous proposer à quelqu’un, une personne de la coordination vous contactera : vous signerez notre code de conduite et suivrez une courte formation sur la protection des personnes. Cela protège tous les participants.
confirmed-volunteer-next = Ensuite, nous cherchons une personne dont les langues, les centres d’intérêt et les disponibilités correspondent aux vôtres. Quand nous l’avons trouvée, nous vous envoyons son prénom et ce que vous avez en commun, et vous décidez si vous souhaitez la rencontrer.
confirmed-body = Merci, { $name } ! Nous allons maintenant vous chercher un binôme. Une personne de la coordination vous contactera. Cela peut prendre un peu de temps.
token-expired-title = Ce lien a expiré
token-expired-body = Les liens de confirmation sont valables 7 jours. Inscrivez-vous à nouveau avec la même adresse e-mail et nous vous enverrons un nouveau lien.
token-used-title = Ce lien a déjà été utilisé
token-used-body = Cette inscription est déjà confirmée. Vous n’avez rien d’autre à faire.
token-unknown-title = Lien introuvable
token-unknown-body = Ce lien n’est pas valide. Vérifiez que vous avez bien copié le lien complet de l’e-mail.

## Pages d’erreur

not-found-title = Page introuvable
not-found-body = Nous n’avons pas trouvé cette page. Si vous avez suivi un lien d’inscription, demandez le bon lien à votre programme.
server-error-title = Une erreur s’est produite
server-error-body = Veuillez réessayer dans quelques minutes.
back-to-form = Retour au formulaire d’inscription

## E-mails

email-greeting = Bonjour { $name },
email-hello = Bonjour,
email-confirm-subject = Veuillez confirmer votre inscription à { $programme }
email-confirm-body = Merci pour votre inscription à { $programme }. Veuillez confirmer votre adresse e-mail en ouvrant ce lien :
email-confirm-button = Confirmer mon inscription
email-confirm-expiry = Le lien est valable 7 jours. Ce n’est qu’après votre confirmation que nous pourrons vous chercher un binôme.
email-not-you = Si vous ne vous êtes pas inscrit·e, vous pouvez ignorer cet e-mail. Les inscriptions non confirmées sont supprimées.
email-signoff = Bien cordialement,
email-team = L’équipe de { $programme }
email-already-subject = Votre inscription à { $programme }
email-already-body = Quelqu’un, probablement vous, vient d’essayer de s’inscrire à { $programme } avec cette adresse e-mail. Vous êtes déjà inscrit·e, rien n’a donc été modifié.
email-already-pending = Votre inscription n’est pas encore confirmée. Veuillez la confirmer avec ce lien (valable 7 jours) :
email-already-confirmed = Votre inscription est déjà confirmée, vous n’avez donc rien à faire. Si vous souhaitez modifier vos informations, répondez simplement à cet e-mail.

## Langues (noms dans la langue de la page)

lang-am = Amharique
lang-ar = Arabe
lang-bn = Bengali
lang-de = Allemand
lang-en = Anglais
lang-es = Espagnol
lang-fa = Farsi (persan)
lang-fr = Français
lang-hi = Hindi
lang-it = Italien
lang-ka = Géorgien
lang-ku = Kurde
lang-pl = Polonais
lang-prs = Dari
lang-ps = Pachto
lang-pt = Portugais
lang-ro = Roumain
lang-ru = Russe
lang-so = Somali
lang-sq = Albanais
lang-sr = Serbe
lang-ti = Tigrigna
lang-tr = Turc
lang-uk = Ukrainien
lang-ur = Ourdou
lang-zh = Chinois

## Centres d’intérêt

interest-cooking = Cuisine
interest-football = Football
interest-chess = Échecs
interest-music = Musique
interest-hiking = Randonnée
interest-cycling = Vélo
interest-reading = Lecture
interest-art = Art
interest-crafts = Bricolage et artisanat
interest-gardening = Jardinage
interest-films = Cinéma
interest-photography = Photographie
interest-dancing = Danse
interest-theatre = Théâtre
interest-swimming = Natation
interest-running = Course à pied
interest-yoga = Yoga
interest-board-games = Jeux de société
interest-video-games = Jeux vidéo
interest-history = Histoire
interest-technology = Technologie
interest-nature = Nature
interest-travel = Voyages
interest-sewing = Couture
interest-basketball = Basket-ball
interest-volleyball = Volley-ball
interest-fitness = Remise en forme
interest-parenting = Éducation des enfants
interest-science = Sciences
interest-computers = Informatique

signup-closed-title = Les inscriptions sont closes
signup-closed-body = { $programme } n’accepte plus de nouvelles inscriptions. Merci beaucoup d’avoir voulu participer.
signup-closed-members = Si vous participez déjà, rien ne change pour vous : votre binôme, vos points d’étape et le lien vers vos données restent comme avant.
signup-closed-elsewhere = Les personnes qui animent le programme peuvent vous indiquer d’autres façons de rencontrer des gens dans votre ville.
