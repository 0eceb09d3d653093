## Le courriel de suivi et son rappel (le continuum des liens).
checkin-email-subject = { $programme } : comment ça se passe avec { $name } ?
checkin-email-body = C'est le moment d'un court point sur vous et { $name }. Cela prend une minute : quelques clics, presque rien à écrire.
checkin-email-button = Répondre au suivi
checkin-email-private = { $name } ne voit pas vos réponses. Seuls les coordinateurs du programme les voient.
checkin-email-concern = Si quelque chose vous inquiète, la même page a un bouton « J'ai une inquiétude ».
checkin-reminder-subject = { $programme } : un rappel au sujet de { $name }
checkin-reminder-body = Il y a quelques jours, nous vous avons demandé comment ça se passe avec { $name }. Nous serions heureux d'avoir de vos nouvelles, même si vous ne vous êtes pas vus.

## Le courriel de fin avec les deux questions de sortie.
closing-email-subject = { $programme } : votre binôme avec { $name } est terminé
closing-email-body = Votre binôme avec { $name } est maintenant terminé. Merci pour le temps et l'attention que vous avez donnés.
closing-email-rematch = Si vous le souhaitez, nous chercherons un nouveau binôme pour vous. Vous gardez votre place : votre attente compte depuis votre première inscription.
closing-email-questions = Voulez-vous répondre à deux dernières questions ? Cela prend une minute.
closing-email-button = Deux dernières questions
closing-email-thanks = Vos réponses nous aident à améliorer le programme. Seuls les coordinateurs les voient.

## Les deux questions de sortie (le lien du courriel de fin).
exit-title = Deux dernières questions
exit-intro = Votre binôme avec { $name } est terminé. Merci ! Vos réponses aident { $programme } à s'améliorer. Seuls les coordinateurs les voient.
exit-satisfied = Je suis satisfait(e) de { $programme }.
exit-thanks-title = Merci
exit-thanks-body = Nous avons bien reçu vos réponses. Bonne continuation !
