## Landing page (/)

landing-title = Ein Tandem in Ihrer neuen Stadt
landing-intro = buddymatch bringt Menschen, die neu in einer Stadt angekommen sind, mit Menschen zusammen, die schon dort leben. Die Tandems treffen sich regelmäßig, teilen ein Hobby, üben eine Sprache und helfen sich gegenseitig, sich zurechtzufinden.
landing-how = Sie melden sich über ein kurzes Formular in Ihrer Sprache an. Die Koordination des Programms schlägt Ihnen eine passende Person vor, und Sie entscheiden beide, ob Sie sich treffen möchten.
landing-signup = Anmelden
landing-coordinators-heading = Für die Koordination
landing-coordinator-login = Anmeldung für Koordination
