# Introductions, answers and the personal data pages (introductions engineer).

## Why two people were matched
reason-general = You have a lot in common, and your free times and places fit together.
reason-shared-language = You both speak { $languages }.
reason-shared-language-any = You speak a language in common.
reason-shared-interests = You both enjoy { $interests }.
reason-shared-interests-any = You share some interests.
reason-common-slots = You are both free at these times: { $slots }.
reason-common-slots-count = You have { $count } free time slots in common each week.
reason-common-slots-one = You have one free time slot in common each week.
reason-common-slots-any = Your free times in the week fit together.
reason-distance = You live about { $km } km apart.
reason-near = You live close to each other.
reason-online = You are both happy to meet online too.
reason-can-teach = One of you can help with: { $domains }.
reason-can-teach-any = One of you can help with something the other would like to learn.
reason-learn = One of you would like to learn about: { $domains }.
reason-learn-any = You would like to learn from each other.
reason-practise-language = One of you would like to practise { $languages }, which the other speaks well.
reason-practise-language-any = One of you can help the other practise a language.
reason-family = You are both families, as you wished.
reason-age = You are of a similar age.

## The introduction email
intro-email-subject = { $programme }: meet { $name }, your suggested buddy
intro-email-body = Good news: we would like to introduce you to { $name }.
intro-email-why = Why we think you and { $name } would get on well:
intro-email-button = Answer: yes or no
intro-email-privacy = We share your contact details with { $name } only when you have both said yes.
intro-email-expiry = The link works once, for { $days } days.
intro-email-my-data = See, correct or delete your data here:

## Contact details (both accepted)
contact-name = Name: { $name }
contact-email = Email: { $email }
contact-phone = Phone: { $phone }
contact-email-subject = { $programme }: you and { $name } both said yes
contact-email-body = You and { $name } have both said yes. Here is how to reach { $name }:
meet-tips-heading = Ideas for your first meeting:
meet-tip-public = Meet in a public place, such as a café, a library or a park.
meet-tip-daytime = Choose a time during the day and keep the first meeting short.
meet-tip-tell = Tell a friend or family member where you are going.
meet-tip-coordinator = If anything feels wrong, contact your coordinator at any time.

## A decline, told kindly
declined-email-subject = { $programme }: about your suggested buddy { $name }
declined-email-body = { $name } cannot take part in this match right now. This is nothing personal: people's lives and time change.
declined-email-seeker-next = We will keep looking for another buddy for you. You do not need to do anything.
declined-email-buddy-next = Thank you for saying yes. We will let you know when we have another suggestion.

## Reminder
reminder-email-subject = { $programme }: please answer about { $name }
reminder-email-body = A few days ago we suggested { $name } as your buddy. We have not heard from you yet. Please tell us with one click whether you would like to meet.

## A match ended because the other person left
ended-email-subject = { $programme }: your match with { $name } has ended
ended-email-body = { $name } has left the programme, so your match has ended. Thank you for the time you gave. We will look for a new match for you if you wish to continue.

## Answer links that cannot be used
respond-used-title = You have already answered
respond-used-body = Thank you, we have your answer. This link works only once.
respond-expired-title = This link has expired
respond-expired-body = Answer links work for 14 days. Please contact your coordinator if you would still like to meet.
respond-closed-title = This suggestion is no longer open
respond-closed-body = This match is no longer waiting for an answer. We will get in touch if we have a new suggestion for you.
respond-unknown-title = Link not found
respond-unknown-body = This link is not valid. Please check that you copied the whole link from the email.

## The answer page
respond-title = Would you like to meet { $name }?
respond-intro = We suggest { $name } as your buddy in { $programme }.
respond-why = Why we think you and { $name } would get on well
respond-accept = Yes, I would like to meet
respond-decline-heading = Not this time?
respond-reason = Reason (optional)
respond-reason-hint = Only the coordinators read this; it is not shared with the other person.
respond-decline = No, thank you
respond-accepted-title = Thank you!
respond-accepted-body = We will send you { $name }'s contact details as soon as { $name } has said yes too.
respond-both-title = You have both said yes
respond-both-body = Here is how to reach { $name }. We have sent you these details by email as well.
respond-declined-title = Thank you for telling us
respond-declined-body = We have noted your answer. You will not be suggested to { $name } again.

## My data
me-title = Your data, { $name }
me-status-pending = You have not confirmed your sign-up for { $programme } yet.
me-status-confirmed = You are signed up for { $programme }.
me-status-withdrawn = You have withdrawn your consent. We no longer look for a match for you.
me-matches-heading = Your match
me-partner-left = Your match has ended: your buddy has left the programme and their data has been deleted. If you would like someone new, please reply to any of our emails.
me-no-matches = We have not introduced you to anyone yet.
me-match-waiting-you = We have suggested { $name } as your buddy. Please answer using the link in our email.
me-match-waiting-other = You said yes to { $name }. We are waiting for { $name } to answer.
me-match-active = You and { $name } are matched. How to reach { $name }:
me-match-declined = The match with { $name } did not go ahead.
me-match-closed = Your match with { $name } has ended.
me-match-respond-hint = If you cannot find the email, ask your coordinator to send it again.
me-profile-heading = What we have stored about you
me-correct-heading = Correct your details
me-correct-hint = For other changes (languages, household, preferences), please contact your coordinator.
me-save = Save changes
me-saved = Your changes are saved.
me-download-heading = Download your data
me-download = Download all your data (JSON file)
me-withdraw-heading = Withdraw your consent
me-withdraw-text = We will stop looking for a match for you and end a current match. Your data stays until you delete it.
me-withdraw = Withdraw consent
me-delete-heading = Delete your data
me-delete-text = This removes your profile, your household and your matches for good. We keep only an anonymous count.
me-delete-confirm = Yes, delete all my data
me-delete = Delete my data
me-delete-not-confirmed = Please tick the box to confirm that you want to delete your data.
me-yes = Yes
me-no = No
me-expired-title = This link has expired
me-expired-body = Please ask for a new link to your data.
me-unknown-title = Link not found
me-unknown-body = This link is not valid. Please ask for a new link to your data.
me-withdrawn-title = Consent withdrawn
me-withdrawn-body = We will not look for a match for you any more. You can still see or delete your data with your link.
me-deleted-title = Your data is deleted
me-deleted-body = We have deleted your data. Thank you for taking part.
me-request-title = A link to your data
me-request-intro = Enter the email address you signed up with. If we know it, we will send you a link to see, correct, download or delete your data.
me-request-button = Send me a link
me-request-sent-title = Please check your email
me-request-sent-body = If this address is signed up, we have sent it a link. The link works for 180 days.
me-email-subject = { $programme }: your personal link
me-email-body = Here is your personal link to see, correct, download or delete your data in { $programme }.
me-email-button = Open my data
me-email-expiry = The link works for { $days } days. Do not share it: anyone with the link can see your data.
error-email-taken = Another sign-up in this programme already uses this email address.
