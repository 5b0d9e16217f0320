"""What Ontario's rules ask the site to say: fees before service, a complete PHIPA
statement, and FAQ facts put right.

The FAQ answers, the practice's "who we serve" line and the therapist's credentials are
changed only where they still read exactly as shipped: anything the therapist has edited
in the admin is hers and stays as she wrote it.

Checked on 3 December 2026, and where:
- The IPC's address (2 Bloor Street East, Suite 1400, Toronto, ON M4W 1A8) and its TTY
  line (416-325-7539): ipc.on.ca, "Filing a privacy complaint" and "Public Complaints
  Policy and Process". Its main phone numbers could not be read on ipc.on.ca from here,
  so they ship marked [TO CONFIRM] for the practice to check.
- CRPO's complaints page: crpo.ca/filing-a-complaint-about-a-member/.
- The College of Psychologists became the College of Psychologists and Behaviour
  Analysts of Ontario when the Psychology and Applied Behaviour Analysis Act, 2021 came
  into force on 1 July 2024: cpbao.ca, Registrar's message of July and October 2024.
"""

from __future__ import annotations

from importlib import import_module

from django.db import migrations

from core.markdown import render_markdown

FEES = {
    "title": "Fees and what to expect",
    "description": (
        "What a session costs and how long it lasts, receipts for insurance, "
        "cancelling, the first session, and the limits of confidentiality."
    ),
    "body": """\
Knowing what therapy costs and how it works before you begin is part of deciding whether it is right for you. You are welcome to ask about any of this in the free consult call.

## Sessions and fees

- **Individual session:** [TO FILL IN: length, for example 50 minutes], [TO FILL IN: fee, for example $150].
- **Couples or family session:** [TO FILL IN: length], [TO FILL IN: fee].
- **Reduced fees:** [TO FILL IN: whether you offer a sliding scale, and how to ask for it; or say that you do not].
- **The consult call:** 20 minutes by phone, free, with no obligation to go on.

## Paying, and receipts for insurance

[TO FILL IN: how and when to pay, for example by e-transfer after each session].

After each paid session you receive a receipt with your therapist's name, title and CRPO registration number, which insurance plans usually ask for. Plans differ: before you start, check with yours whether it covers a Registered Psychotherapist, and how much.

## Cancelling or moving a session

[TO FILL IN: how much notice you ask for, and what a late cancellation or a missed session costs].

The free consult call can be cancelled or moved at any time, with the link in its confirmation email.

## Your first session

The first session is a time to talk about what brings you, what you hope for, and how you would like to work. Your therapist explains how therapy works, what is kept private and what the law asks her to share, and answers your questions. You decide afterwards, with no pressure, whether to continue.

## Confidentiality and its limits

What you share in therapy stays between you and your therapist. The law asks a therapist to share information without your consent only in a few situations, for example:

- when there is a serious risk that you or someone else will be harmed;
- when a child may need protection, which must be reported to a children's aid society;
- when a regulated health professional may have sexually abused a client, which must be reported to their College;
- when a court orders records to be produced.

When it is safe and possible, your therapist talks with you first.

## This website and email are not watched for emergencies

Messages sent by email or through this site may not be read for a day or more. If you are in crisis, call or text 9-8-8, call 911, or go to your nearest emergency department.
""",
}

PRIVACY = {
    "title": "Privacy",
    "description": (
        "What this site collects, why, who handles it and where, how long every copy "
        "is kept, how it is protected, and who to contact or complain to."
    ),
    "body": """\
Reaching out to a therapist is personal. {practice_name} is a psychotherapy practice in Ontario and a health information custodian under Ontario's Personal Health Information Protection Act, 2004 (PHIPA). This statement says what this website collects, why, who handles it and where, how long every copy is kept, and who to contact about it. The site collects as little as it can, and never shares anything with advertisers or trackers.

## Who to contact

The practice's contact person for privacy is {contact_person}. You can ask a question, make a request or make a complaint by writing to {practice_email} or calling {practice_phone}.

## The attachment quiz

- Your answers are never stored on our server. While you answer, they are kept in a signed cookie in your own browser for at most {quiz_cookie_life}, and that cookie is deleted as soon as your result is shown.
- Your result lives in its link: the link holds your two scores and the date, and nothing else. We do not keep a copy. Anyone you share the link with can see the result; to delete it, delete the link.
- We count how many people get each result, by month and questionnaire only. The count cannot be traced back to you.

## Booking a free consult

To book a call we ask for your name, email address, phone number, an optional short note, and whether you live in Ontario and are 16 or older (the practice can only serve people who are). A consult request shows that someone is seeking care from a psychotherapist, so the practice treats it as personal health information under PHIPA, with the same care as a client's record.

We use it only to arrange and hold the call, and to send you the confirmation, a reminder and any change. It is never used for marketing, sold or shared, except where the law requires. If you choose to share your quiz result with a booking, its link is kept with the booking and deleted with it.

Please do not put health details in the note: the call is a better place for them.

## Cookies and logs

- A security cookie protects our forms from forgery. There are no advertising, analytics or tracking cookies, and no third-party scripts, fonts or images.
- To stop abuse, the site counts requests for up to a day per internet address and per email address. A count holds a coded fingerprint of the address, not the address itself, and is deleted by the daily clean-up once its day is over.
- The web server records each request (internet address, page and time) to find faults and attacks. These logs are kept for {log_retention_days}, then deleted.

## Who handles it, and where

- The website and its database are hosted by {hosting_provider}.
- The practice's email, including the site's messages to you, is handled by {email_provider}.
- The data is kept {data_location}.

These providers handle the data only on the practice's behalf, to run the site and its email.

## How long every copy is kept

- **The site's database:** a booking and the emails about it are deleted automatically {retention_days} after the consult.
- **The practice's mailbox:** the practice is told of each new, changed or cancelled consult by email. The practice deletes these emails, and any you send it about a consult, within {retention_days} after the consult, unless you become a client: then they become part of your clinical record.
- **Backups:** the database is backed up every night. Backups are encrypted, kept off the server, and deleted after at most {retention_days}, so a deleted booking leaves the last backup within that time.
- **Server logs:** kept for {log_retention_days}, as above.
- **Your own copies:** the emails we send you stay in your mailbox until you delete them.

## How it is protected

- Every page travels over an encrypted connection (HTTPS).
- Only the therapist can sign in to see bookings. Her account needs a strong password, and is locked after repeated wrong passwords.
- The site asks only for what it needs, and deletes it on a schedule.
- Backups are encrypted.

## If something goes wrong

If your information is stolen, lost, or seen or used by someone who should not have it, the practice will tell you at the first reasonable opportunity, as PHIPA requires, say what happened and what is being done, and report it to the Information and Privacy Commissioner of Ontario where the law requires.

## Your rights

You can ask to see what we hold about you and get a copy, to correct it, or to have your booking deleted sooner. You can withdraw your consent at any time. Write to {practice_email} or call {practice_phone}.

## Complaints

If you have a concern, please raise it with the practice first: write to {contact_person} at {practice_email}, and you will have an answer in writing.

If you are not satisfied, you can complain to the Information and Privacy Commissioner of Ontario (IPC):

- 2 Bloor Street East, Suite 1400, Toronto, Ontario M4W 1A8
- Website, with its complaint forms: [www.ipc.on.ca](https://www.ipc.on.ca/)
- Phone: [TO CONFIRM: 416-326-3333 or toll-free 1-800-387-0073, on ipc.on.ca]
- TTY: 416-325-7539

A concern about a therapist's care or conduct can also be raised with the [College of Registered Psychotherapists of Ontario](https://www.crpo.ca/filing-a-complaint-about-a-member/).

## If you become a client

Clinical records are kept separately from this website, as the College of Registered Psychotherapists of Ontario requires and as PHIPA protects. You will be given the details of how they are kept when you begin.
""",
}

# (shipped text, corrected text) for each FAQ answer, the practice's "who we serve" line
# and the therapist's credentials.
FAQ_FIXES = [
    (
        "Not necessarily. Online and in-person therapy usually cost the same, because they "
        "can be equally effective. Online therapy can still cost you less overall, since "
        "there is no travel involved.\n\n"
        "There are therapy apps and programs that cost less than traditional therapy. "
        "However, how well they work is less clear, and they are usually not covered by "
        "insurance.\n\n"
        "At The Therapeutic Way, we offer online therapy with a registered psychotherapist. "
        "It is covered by most insurance providers, and it saves you the cost of travel.",
        "Not necessarily. Online and in-person therapy usually cost the same, because they "
        "can be equally effective. Online therapy can still cost you less overall, since "
        "there is no travel involved.\n\n"
        "There are therapy apps and programs that cost less than traditional therapy. "
        "However, how well they work is less clear, and they are usually not covered by "
        "insurance.\n\n"
        "At The Therapeutic Way, therapy is online with a Registered Psychotherapist, "
        "which many insurance plans cover: check with yours what it covers. What a "
        "session costs, receipts for insurance and cancelling are on "
        "[Fees and what to expect](/fees/).",
    ),
    (
        "Before reaching out, it helps to know what you would like to work on. Look for a "
        "therapist who specializes in that area: if you would like to work on trauma, for "
        "example, a therapist who focuses on eating disorders may not be the best fit.\n\n"
        "It also helps to think about what kind of therapist you are looking for: their "
        "gender, their experience, their approach to therapy. Check with your insurance "
        "provider which kinds of therapist they cover. Many therapists offer a free "
        "consultation call so that you can decide whether they are the right fit.\n\n"
        "At The Therapeutic Way, we specialize in relationship issues, relational trauma, "
        "recovery from narcissistic abuse and attachment wounds. We work with adults, couples "
        "and families over the age of 16.",
        "Before reaching out, it helps to know what you would like to work on. Look for a "
        "therapist with training and experience in that area: if you would like to work on "
        "trauma, for example, a therapist who focuses on eating disorders may not be the "
        "best fit.\n\n"
        "It also helps to think about what kind of therapist you are looking for: their "
        "gender, their experience, their approach to therapy. Check with your insurance "
        "provider which kinds of therapist they cover. Many therapists offer a free "
        "consultation call so that you can decide whether they are the right fit.\n\n"
        "At The Therapeutic Way, the work focuses on relationship issues, relational "
        "trauma, recovery from narcissistic abuse and attachment wounds, with adults, "
        "couples and families aged 16 or older.",
    ),
    (
        "All three can provide talk therapy. They differ in their education and in what "
        "they are allowed to do. In Ontario, each is registered with its own college: "
        "psychotherapists with the College of Registered Psychotherapists of Ontario, "
        "psychologists with the College of Psychologists of Ontario, and psychiatrists with "
        "the College of Physicians and Surgeons of Ontario.",
        "All three can provide talk therapy. They differ in their education and in what "
        "they are allowed to do. In Ontario, each is registered with its own college: "
        "psychotherapists with the College of Registered Psychotherapists of Ontario, "
        "psychologists with the College of Psychologists and Behaviour Analysts of Ontario "
        "(its name since 1 July 2024), and psychiatrists with the College of Physicians "
        "and Surgeons of Ontario.",
    ),
    (
        "At The Therapeutic Way, we are registered psychotherapists with the College of "
        "Registered Psychotherapists of Ontario.",
        "At The Therapeutic Way, your therapist is a Registered Psychotherapist with the "
        "College of Registered Psychotherapists of Ontario.",
    ),
]
SERVES = (
    "Adults, couples and families over the age of 16",
    "Adults, couples and families aged 16 or older",
)
CREDENTIALS = ("Registered Psychotherapist (CRPO)", "")


def _fixed(answer: str) -> str:
    for old, new in FAQ_FIXES:
        answer = answer.replace(old, new)
    return answer


# Each shipped answer a fix touches, whole, and what it becomes: an answer is changed only
# when all of it still reads as shipped, so one the therapist edited anywhere is left alone.
SHIPPED = import_module("attachment.migrations.0002_practice_content").FAQ
ANSWERS = [(a, _fixed(a)) for _q, a in SHIPPED if _fixed(a) != a]


def _faq_answers(FAQEntry, *, forward: bool) -> None:
    for old, new in ANSWERS:
        before, after = (old, new) if forward else (new, old)
        for entry in FAQEntry.objects.filter(answer=before):
            entry.answer = after
            entry.answer_html = render_markdown(after)
            entry.save(update_fields=["answer", "answer_html"])


def _swap(model, field: str, pair: tuple[str, str], *, forward: bool) -> None:
    old, new = pair if forward else pair[::-1]
    model.objects.filter(**{field: old}).update(**{field: new})


def forward(apps, schema_editor, *, forward: bool = True) -> None:
    Page = apps.get_model("attachment", "Page")
    FAQEntry = apps.get_model("attachment", "FAQEntry")
    PracticeDetails = apps.get_model("attachment", "PracticeDetails")
    Therapist = apps.get_model("attachment", "Therapist")
    if forward:
        for slug, page in (("fees", FEES), ("privacy", PRIVACY)):
            Page.objects.get_or_create(
                slug=slug, defaults={**page, "body_html": render_markdown(page["body"])}
            )
    else:
        Page.objects.all().delete()
    _faq_answers(FAQEntry, forward=forward)
    _swap(PracticeDetails, "serves", SERVES, forward=forward)
    _swap(Therapist, "credentials", CREDENTIALS, forward=forward)


def backward(apps, schema_editor) -> None:
    forward(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("attachment", "0003_registration_and_pages")]

    operations = [migrations.RunPython(forward, backward)]
