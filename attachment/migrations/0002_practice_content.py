"""The practice's own content, so every fresh database starts with it.

Runs once per database, like every migration: what the therapist later edits in the
admin is never touched again.
"""

from __future__ import annotations

from django.db import migrations

from core.markdown import render_markdown

PRACTICE = {
    "name": "The Therapeutic Way",
    "tagline": "Counselling and psychotherapy for relationships, relational trauma and attachment wounds",
    "email": "info@thetherapeuticway.ca",
    "phone": "(289) 635-4660",
    "service_areas": "Online, anywhere in Ontario\nHamilton, ON\nBurlington, ON\nOakville, ON\nMississauga, ON\nMilton, ON",
    "serves": "Adults, couples and families over the age of 16",
    "helps_with": (
        "Relationship issues\n"
        "Relational trauma\n"
        "Recovery from narcissistic abuse\n"
        "Attachment wounds from childhood or adulthood"
    ),
    "online_note": (
        "Sessions can happen online or by phone, from wherever you feel comfortable. "
        "Online therapy is a good option when coming in person is not practical, or when "
        "you have people to care for at home, and it saves the trip. What matters most in "
        "any format is a strong relationship between you and your therapist."
    ),
}

THERAPIST = {
    "name": "Shikha",
    "slug": "shikha",
    "credentials": "Registered Psychotherapist (CRPO)",
    "role": "Therapist and owner, The Therapeutic Way",
    "email": "info@thetherapeuticway.ca",
    "bio": (
        "Shikha is a therapist and the owner of The Therapeutic Way, Counselling and "
        "Psychotherapy Services. She is a relationship and relational trauma therapist who "
        "works with individuals, couples and families who have been on the receiving end of "
        "narcissistic abuse, who have gone through trauma, who are experiencing relationship "
        "issues, or who carry attachment wounds from childhood or adulthood.\n\n"
        "She uses trauma-informed and holistic approaches to help her clients."
    ),
}

FAQ = [
    (
        "Is online therapy as effective as in-person therapy?",
        "Online therapy can be as effective as in-person therapy. What matters most in any "
        "format is a strong therapeutic relationship between you and your therapist. Online "
        "therapy is a good option when coming in person is not feasible or when you have "
        "dependents at home, and it is often more convenient.\n\n"
        "At The Therapeutic Way, we offer online therapy and therapy by phone from the "
        "comfort of your home. [Read more about the practice](/about/).",
    ),
    (
        "Is online therapy cheaper than in-person therapy?",
        "Not necessarily. Online and in-person therapy usually cost the same, because they "
        "can be equally effective. Online therapy can still cost you less overall, since "
        "there is no travel involved.\n\n"
        "There are therapy apps and programs that cost less than traditional therapy. "
        "However, how well they work is less clear, and they are usually not covered by "
        "insurance.\n\n"
        "At The Therapeutic Way, we offer online therapy with a registered psychotherapist. "
        "It is covered by most insurance providers, and it saves you the cost of travel.",
    ),
    (
        "How do I choose the right therapist?",
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
    ),
    (
        "What type of therapy is best for me?",
        "It depends on you and on why you are seeking therapy. There are many kinds of "
        "therapy: somatic-based therapy, cognitive behavioural therapy, trauma-informed "
        "therapies, holistic therapy, existential therapy and more. You will have a say in "
        "this, and your therapist will also suggest what they think suits you best.\n\n"
        "At The Therapeutic Way, we use an integrative approach: we draw on different "
        "methods to suit your needs, in a way that is trauma-informed, holistic and "
        "relational.",
    ),
    (
        "What is the difference between psychotherapy and counselling?",
        "The two words are often used interchangeably, with a slight difference. "
        "Psychotherapy usually refers to treatment for mental health concerns such as "
        "depression, anxiety or PTSD. Counselling usually refers to support for wellness: "
        "insight and clarity that lead to growth.\n\n"
        "At The Therapeutic Way, we provide both psychotherapy and counselling.",
    ),
    (
        "What is the difference between a psychotherapist, a psychologist and a psychiatrist?",
        "All three can provide talk therapy. They differ in their education and in what "
        "they are allowed to do. In Ontario, each is registered with its own college: "
        "psychotherapists with the College of Registered Psychotherapists of Ontario, "
        "psychologists with the College of Psychologists of Ontario, and psychiatrists with "
        "the College of Physicians and Surgeons of Ontario.\n\n"
        "| | Psychotherapist | Psychologist | Psychiatrist |\n"
        "| --- | --- | --- | --- |\n"
        "| Education | Master's degree or higher | PhD or PsyD | Medical degree (MD) |\n"
        "| Can diagnose | No | Yes, after an assessment | Yes, after an assessment |\n"
        "| Can prescribe medication | No | No | Yes |\n"
        "| Training focuses on | Counselling and therapy techniques | Clinical research and assessment | Medical treatment, such as medication, for mental health conditions |\n\n"
        "Before seeking help, it is worth knowing what you need. A free consultation call "
        "can help you decide.\n\n"
        "At The Therapeutic Way, we are registered psychotherapists with the College of "
        "Registered Psychotherapists of Ontario.",
    ),
]


def load_content(apps, schema_editor):
    PracticeDetails = apps.get_model("attachment", "PracticeDetails")
    Therapist = apps.get_model("attachment", "Therapist")
    FAQEntry = apps.get_model("attachment", "FAQEntry")
    PracticeDetails.objects.get_or_create(pk=1, defaults=PRACTICE)
    Therapist.objects.get_or_create(
        slug=THERAPIST["slug"],
        defaults={**THERAPIST, "bio_html": render_markdown(THERAPIST["bio"])},
    )
    if not FAQEntry.objects.exists():
        FAQEntry.objects.bulk_create(
            FAQEntry(question=q, answer=a, answer_html=render_markdown(a), order=i * 10)
            for i, (q, a) in enumerate(FAQ, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("attachment", "0001_initial")]

    operations = [migrations.RunPython(load_content, migrations.RunPython.noop)]
