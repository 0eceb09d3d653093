# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = Nous vous enverrons un lien pour confirmer cette adresse. Pas d’e-mail ? Laissez ce champ vide et donnez un numéro de téléphone : une personne de l’équipe vous appellera.
error-email-or-phone-required = Veuillez indiquer une adresse e-mail ou un numéro de téléphone, pour que nous puissions vous joindre.
error-invalid-phone-region = Veuillez indiquer un code de pays à deux lettres, par exemple FR.
thanks-body-phone = Vous ne nous avez pas donné d’adresse e-mail : une personne de l’équipe vous appellera dans les prochains jours pour confirmer votre inscription. Ce n’est qu’ensuite que nous pourrons vous chercher un binôme.
contact-through-coordinator = Ni e-mail ni téléphone : votre coordinatrice ou coordinateur vous mettra en relation.
coord-field-email-optional-hint = Laisser vide pour une personne sans e-mail : elle apparaît dans la liste des personnes à joindre par téléphone ou en personne.
reach-link = À joindre par téléphone
reach-title = À joindre par téléphone ou en personne : { $programme }
reach-intro = Ces personnes n’ont pas d’adresse e-mail et ne reçoivent donc aucun e-mail de notre part. Appelez-les (ou rencontrez-les) pour ce qui est indiqué ici, puis notez ce qu’elles ont dit.
reach-none = Personne à joindre pour le moment.
reach-no-phone = Pas de téléphone : en personne
reach-confirm-title = Confirmer l’inscription
reach-confirm-detail = Inscription le { $date }. Sans confirmation, elle sera supprimée le { $deleted }.
reach-confirm-button = Confirmé au téléphone
reach-introduce-title = Présenter { $name } et demander si la personne souhaite la rencontrer
reach-introduce-why = Pourquoi elles ont été mises en relation :
reach-introduce-reason = Raison, si la réponse est non (visible seulement par l’équipe de coordination)
reach-said-yes = A dit oui
reach-said-no = A dit non
reach-contact-title = Les deux ont dit oui : transmettre les coordonnées de { $name }
reach-match-link = La page du binôme
reach-checkin-title = Poser les questions du suivi (prévu le { $date })
reach-checkin-link = Noter les réponses sur la page du binôme
reach-done = Enregistré.
reach-not-waiting = Rien n’a changé : une réponse a été donnée ou le binôme a été clos entre-temps.
audit-action-participant-confirm-by-phone = Inscription confirmée par téléphone
