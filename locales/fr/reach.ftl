# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = Nous vous enverrons un lien pour confirmer cette adresse. Pas d’e-mail ? Laissez ce champ vide et donnez un numéro de téléphone : une personne de l’équipe vous appellera.
error-email-or-phone-required = Veuillez indiquer une adresse e-mail ou un numéro de téléphone, pour que nous puissions vous joindre.
error-invalid-phone-region = Veuillez indiquer un code de pays à deux lettres, par exemple FR.
thanks-body-phone = Vous ne nous avez pas donné d’adresse e-mail : une personne de l’équipe vous appellera dans les prochains jours pour confirmer votre inscription. Ce n’est qu’ensuite que nous pourrons vous chercher un binôme.
contact-through-coordinator = Ni e-mail ni téléphone : votre coordinatrice ou coordinateur vous mettra en relation.
coord-field-email-optional-hint = Laisser vide pour une personne sans e-mail : elle apparaît dans la liste des personnes à joindre par téléphone ou en personne.
