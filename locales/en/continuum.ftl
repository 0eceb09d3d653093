## The check-in email and its reminder (the connections continuum).
checkin-email-subject = { $programme }: how are things with { $name }?
checkin-email-body = It is time for a short check-in about you and { $name }. It takes one minute: a few taps, hardly any writing.
checkin-email-button = Answer the check-in
checkin-email-private = { $name } does not see your answers. Only the programme's coordinators do.
checkin-email-concern = If something worries you, the same page has a button "I have a concern".
checkin-reminder-subject = { $programme }: a reminder about { $name }
checkin-reminder-body = A few days ago we asked how things are going with { $name }. We would be glad to hear from you, also if you have not met.

## The closing email with the two exit questions.
closing-email-subject = { $programme }: your match with { $name } has ended
closing-email-body = Your match with { $name } has now ended. Thank you for the time and care you gave.
closing-email-rematch = If you like, we will look for a new buddy for you. You keep your place: your waiting time counts from your first sign-up.
closing-email-questions = Would you answer two last questions? It takes one minute.
closing-email-button = Two last questions
closing-email-thanks = Your answers help us make the programme better. Only the coordinators see them.

## The two exit questions (the closing email's link).
exit-title = Two last questions
exit-intro = Your match with { $name } has ended. Thank you! Your answers help { $programme } do better. Only the coordinators see them.
exit-satisfied = I am satisfied with { $programme }.
exit-thanks-title = Thank you
exit-thanks-body = We have your answers. All the best!
