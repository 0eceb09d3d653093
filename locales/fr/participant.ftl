# Présentations, réponses et pages « Mes données ».

## Pourquoi deux personnes ont été associées
reason-general = Vous avez beaucoup en commun, et vos disponibilités et vos lieux se correspondent.
reason-shared-language = Vous parlez tous les deux { $languages }.
reason-shared-language-any = Vous parlez une langue en commun.
reason-shared-interests = Vous aimez tous les deux : { $interests }.
reason-shared-interests-any = Vous partagez des centres d'intérêt.
reason-common-slots = Vous êtes tous les deux disponibles à ces moments : { $slots }.
reason-common-slots-count = Vous avez { $count } créneaux libres en commun chaque semaine.
reason-common-slots-one = Vous avez un créneau libre en commun chaque semaine.
reason-common-slots-any = Vos disponibilités dans la semaine se correspondent.
reason-distance = Vous habitez à environ { $km } km l'un de l'autre.
reason-near = Vous habitez près l'un de l'autre.
reason-online = Vous êtes tous les deux d'accord pour vous voir aussi en ligne.
reason-can-teach = L'un de vous peut aider pour : { $domains }.
reason-can-teach-any = L'un de vous peut aider pour quelque chose que l'autre aimerait apprendre.
reason-learn = L'un de vous aimerait en savoir plus sur : { $domains }.
reason-learn-any = Vous pouvez apprendre l'un de l'autre.
reason-practise-language = L'un de vous aimerait pratiquer { $languages }, que l'autre parle bien.
reason-practise-language-any = L'un de vous peut aider l'autre à pratiquer une langue.
reason-family = Vous êtes deux familles, comme vous le souhaitiez.
reason-age = Vous avez à peu près le même âge.

## L'e-mail de présentation
intro-email-subject = { $programme } : faites connaissance avec { $name }, votre binôme proposé
intro-email-body = Bonne nouvelle : nous aimerions vous présenter { $name }.
intro-email-why = Pourquoi nous pensons que { $name } et vous allez bien vous entendre :
intro-email-button = Répondre : oui ou non
intro-email-privacy = Nous ne transmettons vos coordonnées à { $name } que lorsque vous avez tous les deux dit oui.
intro-email-expiry = Le lien fonctionne une seule fois, pendant { $days } jours.
intro-email-my-data = Consultez, corrigez ou supprimez vos données ici :

## Coordonnées (les deux ont accepté)
contact-name = Nom : { $name }
contact-email = E-mail : { $email }
contact-phone = Téléphone : { $phone }
contact-email-subject = { $programme } : { $name } et vous avez tous les deux dit oui
contact-email-body = { $name } et vous avez tous les deux dit oui. Voici comment joindre { $name } :
meet-tips-heading = Idées pour votre première rencontre :
meet-tip-public = Retrouvez-vous dans un lieu public, comme un café, une bibliothèque ou un parc.
meet-tip-daytime = Choisissez un moment en journée et faites une première rencontre courte.
meet-tip-tell = Dites à un ami ou à un proche où vous allez.
meet-tip-coordinator = Si quelque chose ne vous semble pas normal, contactez votre coordinateur ou coordinatrice à tout moment.

## Un refus, annoncé avec délicatesse
declined-email-subject = { $programme } : à propos de votre binôme proposé { $name }
declined-email-body = { $name } ne peut pas participer à ce binôme pour le moment. Ce n'est rien de personnel : la vie et les disponibilités changent.
declined-email-seeker-next = Nous continuons à chercher un autre binôme pour vous. Vous n'avez rien à faire.
declined-email-buddy-next = Merci d'avoir dit oui. Nous vous recontacterons dès que nous aurons une autre proposition.

## Rappel
reminder-email-subject = { $programme } : merci de répondre au sujet de { $name }
reminder-email-body = Il y a quelques jours, nous vous avons proposé { $name } comme binôme. Nous n'avons pas encore reçu votre réponse. Dites-nous en un clic si vous souhaitez vous rencontrer.

## Un binôme se termine parce que l'autre personne est partie
ended-email-subject = { $programme } : votre binôme avec { $name } est terminé
ended-email-body = { $name } a quitté le programme, votre binôme est donc terminé. Merci pour le temps que vous avez donné. Si vous souhaitez continuer, nous chercherons un nouveau binôme pour vous.

## Liens de réponse inutilisables
respond-used-title = Vous avez déjà répondu
respond-used-body = Merci, nous avons bien votre réponse. Ce lien ne fonctionne qu'une fois.
respond-expired-title = Ce lien a expiré
respond-expired-body = Les liens de réponse sont valables 14 jours. Contactez votre coordinateur ou coordinatrice si vous souhaitez toujours vous rencontrer.
respond-closed-title = Cette proposition n'est plus ouverte
respond-closed-body = Ce binôme n'attend plus de réponse. Nous vous recontacterons si nous avons une nouvelle proposition pour vous.
respond-unknown-title = Lien introuvable
respond-unknown-body = Ce lien n'est pas valide. Vérifiez que vous avez copié le lien complet depuis l'e-mail.

## La page de réponse
respond-title = Aimeriez-vous rencontrer { $name } ?
respond-intro = Nous vous proposons { $name } comme binôme dans { $programme }.
respond-why = Pourquoi nous pensons que { $name } et vous allez bien vous entendre
respond-accept = Oui, j'aimerais faire sa connaissance
respond-decline-heading = Pas cette fois ?
respond-reason = Raison (facultatif)
respond-reason-hint = Seule l'équipe de coordination le lit ; ce n'est pas communiqué à l'autre personne.
respond-decline = Non, merci
respond-accepted-title = Merci !
respond-accepted-body = Nous vous enverrons les coordonnées de { $name } dès que { $name } aura aussi dit oui.
respond-both-title = Vous avez tous les deux dit oui
respond-both-body = Voici comment joindre { $name }. Nous vous avons aussi envoyé ces informations par e-mail.
respond-declined-title = Merci de nous l'avoir dit
respond-declined-body = Nous avons noté votre réponse. { $name } ne vous sera plus proposé.

## Mes données
me-title = Vos données, { $name }
me-status-pending = Vous n'avez pas encore confirmé votre inscription à { $programme }.
me-status-confirmed = Vous êtes inscrit·e à { $programme }.
me-status-withdrawn = Vous avez retiré votre consentement. Nous ne cherchons plus de binôme pour vous.
me-matches-heading = Votre binôme
me-partner-left = Votre binôme a pris fin : l’autre personne a quitté le programme et ses données ont été supprimées. Si vous souhaitez quelqu’un d’autre, répondez simplement à l’un de nos e-mails.
me-no-matches = Nous ne vous avons encore présenté à personne.
me-match-waiting-you = Nous vous avons proposé { $name } comme binôme. Merci de répondre avec le lien de notre e-mail.
me-match-waiting-other = Vous avez dit oui à { $name }. Nous attendons la réponse de { $name }.
me-match-active = { $name } et vous formez un binôme. Pour joindre { $name } :
me-match-declined = Le binôme avec { $name } ne s'est pas fait.
me-match-closed = Votre binôme avec { $name } est terminé.
me-match-respond-hint = Si vous ne trouvez pas l'e-mail, demandez à votre coordinateur ou coordinatrice de le renvoyer.
me-profile-heading = Ce que nous avons enregistré sur vous
me-correct-heading = Corriger vos informations
me-correct-hint = Pour d'autres changements (langues, foyer, préférences), contactez votre coordinateur ou coordinatrice.
me-save = Enregistrer les modifications
me-saved = Vos modifications sont enregistrées.
me-download-heading = Télécharger vos données
me-download = Télécharger toutes vos données (fichier JSON)
me-withdraw-heading = Retirer votre consentement
me-withdraw-text = Nous arrêterons de chercher un binôme pour vous et mettrons fin à un binôme en cours. Vos données restent enregistrées jusqu'à ce que vous les supprimiez.
me-withdraw = Retirer mon consentement
me-delete-heading = Supprimer vos données
me-delete-text = Cela supprime définitivement votre profil, votre foyer et vos binômes. Nous ne gardons qu'un comptage anonyme.
me-delete-confirm = Oui, supprimer toutes mes données
me-delete = Supprimer mes données
me-delete-not-confirmed = Cochez la case pour confirmer que vous voulez supprimer vos données.
me-yes = Oui
me-no = Non
me-expired-title = Ce lien a expiré
me-expired-body = Demandez un nouveau lien vers vos données.
me-unknown-title = Lien introuvable
me-unknown-body = Ce lien n'est pas valide. Demandez un nouveau lien vers vos données.
me-withdrawn-title = Consentement retiré
me-withdrawn-body = Nous ne chercherons plus de binôme pour vous. Vous pouvez toujours consulter ou supprimer vos données avec votre lien.
me-deleted-title = Vos données sont supprimées
me-deleted-body = Nous avons supprimé vos données. Merci d'avoir participé.
me-request-title = Un lien vers vos données
me-request-intro = Saisissez l'adresse e-mail utilisée pour votre inscription. Si nous la connaissons, nous vous enverrons un lien pour consulter, corriger, télécharger ou supprimer vos données.
me-request-button = M'envoyer un lien
me-request-sent-title = Consultez vos e-mails
me-request-sent-body = Si cette adresse est inscrite, nous lui avons envoyé un lien. Le lien est valable 180 jours.
me-email-subject = { $programme } : votre lien personnel
me-email-body = Voici votre lien personnel pour consulter, corriger, télécharger ou supprimer vos données dans { $programme }.
me-email-button = Ouvrir mes données
me-email-expiry = Le lien est valable { $days } jours. Ne le partagez pas : toute personne qui a ce lien peut voir vos données.
error-email-taken = Une autre inscription à ce programme utilise déjà cette adresse e-mail.
