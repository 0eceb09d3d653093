# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = We will send you a link to confirm this address. No email? Leave it empty and give a phone number: a coordinator will call you.
error-email-or-phone-required = Please give an email address or a phone number, so that we can reach you.
error-invalid-phone-region = Please give a two-letter country code, such as DE.
thanks-body-phone = You gave us no email address, so one of our coordinators will call you in the next days to confirm your sign-up. Only after that can we look for a buddy for you.
contact-through-coordinator = No email or phone: your coordinator will bring you together.
coord-field-email-optional-hint = Leave empty for someone without email: they appear in the list of people to contact by phone or in person.
