## Landing page (/)

landing-title = Meet a buddy in your new town
landing-intro = buddymatch brings together people who have recently arrived in a town and people who already live there. Buddies meet regularly, share a hobby, practise a language and help each other find their way around.
landing-how = You sign up on a short form, in your language. The programme's coordinators suggest a buddy who suits you, and you both decide whether you would like to meet.
landing-signup = Sign up
landing-coordinators-heading = For coordinators
landing-coordinator-login = Coordinator login
