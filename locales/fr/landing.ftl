## Landing page (/)

landing-title = Un binôme dans votre nouvelle ville
landing-intro = buddymatch met en relation des personnes récemment arrivées dans une ville et des personnes qui y vivent déjà. Les binômes se retrouvent régulièrement, partagent un loisir, pratiquent une langue et s’aident à trouver leurs repères.
landing-how = Vous vous inscrivez avec un court formulaire, dans votre langue. Les coordinateurs du programme vous proposent une personne qui vous correspond, et vous décidez tous les deux si vous souhaitez vous rencontrer.
landing-signup = S’inscrire
landing-coordinators-heading = Pour la coordination
landing-coordinator-login = Connexion coordination
