# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = We will send you a link to confirm this address. No email? Leave it empty and give a phone number: a coordinator will call you.
error-email-or-phone-required = Please give an email address or a phone number, so that we can reach you.
error-invalid-phone-region = Please give a two-letter country code, such as DE.
thanks-body-phone = You gave us no email address, so one of our coordinators will call you in the next days to confirm your sign-up. Only after that can we look for a buddy for you.
contact-through-coordinator = No email or phone: your coordinator will bring you together.
coord-field-email-optional-hint = Leave empty for someone without email: they appear in the list of people to contact by phone or in person.
reach-link = To contact by phone
reach-title = To contact by phone or in person: { $programme }
reach-intro = These people have no email address, so they get no emails from us. Call them (or see them) about what is listed here, then record what they said.
reach-none = Nobody to contact right now.
reach-no-phone = No phone: in person
reach-confirm-title = Confirm the sign-up
reach-confirm-detail = Signed up on { $date }. If nobody confirms it, it is deleted on { $deleted }.
reach-confirm-button = Confirmed on the phone
reach-introduce-title = Introduce { $name } and ask whether they would like to meet
reach-introduce-why = Why they were matched:
reach-introduce-reason = Reason, if they said no (only coordinators see it)
reach-said-yes = They said yes
reach-said-no = They said no
reach-contact-title = Both said yes: give them { $name }'s contact details
reach-match-link = The match page
reach-checkin-title = Ask the check-in questions (due { $date })
reach-checkin-link = Record the answers on the match page
reach-done = Saved.
reach-not-waiting = Nothing changed: this was answered or closed in the meantime.
audit-action-participant-confirm-by-phone = Confirmed a sign-up by phone
